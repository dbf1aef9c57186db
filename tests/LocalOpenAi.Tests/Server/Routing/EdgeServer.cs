using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// The server under test: the tiny model locally and the "cloud" behind <paramref name="upstream"/>,
/// strategy hybrid, short upstream timeouts, no response cache (every request really routes), and
/// a circuit breaker that never opens during the run (the fault tests fail on purpose, many times).
/// </summary>
/// <remarks>
/// Clients may name <c>gpt-4o</c> (a router alias for the cloud's <c>tiny</c>); requests routed to the
/// cloud without an alias go to the default upstream model <c>gpt-4o</c>, which the forwarder maps
/// to <c>tiny</c>. Agents named <c>analyst-*</c> are pinned to local. One decode thread: with two
/// llama.cpp servers in this process on a shared, busy machine, two spinning threads each made the
/// local summarisation of the hybrid test swing from 3 s to 30 s.
/// </remarks>
internal sealed class EdgeServer(Uri upstream) : ServerFixture
{
    public const string CloudAlias = "gpt-4o";

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--upstream-url", upstream.ToString().TrimEnd('/'), "--strategy", "hybrid",
        $"--Router:UpstreamAliases:{CloudAlias}={ModelAlias}", $"--Upstream:ModelMap:{CloudAlias}={ModelAlias}",
        "--Router:ModerateRoute=hybrid", "--Router:Rules:0:Match=analyst-*", "--Router:Rules:0:Route=local",
        "--Upstream:ReadTimeout=00:00:10", "--Upstream:MaxRetries=1", "--Upstream:RetryBaseDelay=00:00:00.050",
        "--Upstream:RetryMaxDelay=00:00:00.200", "--Upstream:CircuitMinimumThroughput=100000", "--Cache:Enabled=false", "--threads", "1",
    ];
}
