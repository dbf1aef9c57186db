using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// An edge under <c>local_first</c> that also asks for a mean token log-probability of at least
/// <see cref="MinMeanLogprob"/>, with the cloud (a second server) behind the fault proxy. The random-weight
/// local model spreads its probability over its whole vocabulary, far below it.
/// </summary>
public sealed class ConfidenceCascadeBench : CloudEdgeBench
{
    public const double MinMeanLogprob = -1.0;

    protected override Task<ServerFixture> CreateEdgeAsync(Uri upstream) => Task.FromResult<ServerFixture>(new ConfidenceEdgeServer(upstream));

    private sealed class ConfidenceEdgeServer(Uri upstream) : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--upstream-url", upstream.ToString().TrimEnd('/'), "--strategy", "local_first", "--Cache:Enabled=false", "--threads", "1",
            FormattableString.Invariant($"--Router:MinMeanLogprob={MinMeanLogprob}"), "--Upstream:MaxRetries=0", $"--Upstream:ModelMap:{EdgeServer.CloudAlias}={ModelAlias}",
        ];
    }
}

/// <summary>The confidence cascade tests share one cloud, proxy and edge.</summary>
[CollectionDefinition(Name)]
public sealed class ConfidenceCascadeCollection : ICollectionFixture<ConfidenceCascadeBench>
{
    public const string Name = "confidence-cascade";
}
