using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// An edge under <c>local_first</c> that also asks for a mean token log-probability of at least
/// <paramref name="minMeanLogprob"/>, with the cloud (a second server) behind the fault proxy.
/// </summary>
public abstract class ConfidenceCascadeBench(double minMeanLogprob) : CloudEdgeBench
{
    protected override Task<ServerFixture> CreateEdgeAsync(Uri upstream) => Task.FromResult<ServerFixture>(new ConfidenceEdgeServer(upstream, minMeanLogprob));

    private sealed class ConfidenceEdgeServer(Uri upstream, double minMeanLogprob) : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments =>
        [
            "--upstream-url", upstream.ToString().TrimEnd('/'), "--strategy", "local_first", "--Cache:Enabled=false", "--threads", "1",
            FormattableString.Invariant($"--Router:MinMeanLogprob={minMeanLogprob}"), "--Upstream:MaxRetries=0", $"--Upstream:ModelMap:{EdgeServer.CloudAlias}={ModelAlias}",
        ];
    }
}

/// <summary>A minimum of -1: the random-weight local model spreads its probability over its whole vocabulary, far below it.</summary>
public sealed class UnsureLocalBench() : ConfidenceCascadeBench(-1.0);

/// <summary>A minimum no answer falls under: every local answer stays local, its logprobs measured all the same.</summary>
public sealed class LenientLocalBench() : ConfidenceCascadeBench(-1e6);

[CollectionDefinition(Name)]
public sealed class UnsureLocalCollection : ICollectionFixture<UnsureLocalBench>
{
    public const string Name = "unsure-local";
}

[CollectionDefinition(Name)]
public sealed class LenientLocalCollection : ICollectionFixture<LenientLocalBench>
{
    public const string Name = "lenient-local";
}
