namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>The routing tests share one cloud + fault proxy + edge and run one at a time (they change the strategy and the proxy's mode).</summary>
[CollectionDefinition(Name)]
public sealed class HybridRouterCollection : ICollectionFixture<HybridRouterBench>
{
    public const string Name = "hybrid-router";
}
