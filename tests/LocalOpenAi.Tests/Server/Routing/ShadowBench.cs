using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>An edge that shadows every local JSON answer to the cloud (a second server behind the fault proxy), logging both to a temporary file.</summary>
public sealed class ShadowBench : CloudEdgeBench
{
    public string ShadowPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("shadow-").FullName, "shadow.jsonl");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(ShadowPath)!, recursive: true);
    }

    protected override Task<ServerFixture> CreateEdgeAsync(Uri upstream) => Task.FromResult<ServerFixture>(new ShadowEdgeServer(upstream, ShadowPath));

    private sealed class ShadowEdgeServer(Uri upstream, string shadowPath) : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--upstream-url", upstream.ToString().TrimEnd('/'), "--strategy", "hybrid", "--Cache:Enabled=false", "--threads", "1",
            "--Shadow:Rate=1", $"--Shadow:Path={shadowPath}", "--Upstream:MaxRetries=0",
        ];
    }
}

/// <summary>The shadow tests share one cloud, proxy and edge.</summary>
[CollectionDefinition(Name)]
public sealed class ShadowCollection : ICollectionFixture<ShadowBench>
{
    public const string Name = "shadow";
}
