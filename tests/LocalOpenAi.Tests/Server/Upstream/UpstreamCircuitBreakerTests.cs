using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Upstream;

[Collection(ServerCollection.Name)]
public sealed class UpstreamCircuitBreakerTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task The_circuit_opens_after_repeated_failures_fails_fast_then_half_opens_and_closes_on_success()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.ServerError;
        var forwarder = bench.Forwarder(o =>
        {
            o.MaxRetries = 0;
            o.CircuitMinimumThroughput = 2;
            o.CircuitFailureRatio = 0.5;
            o.CircuitBreakDuration = TimeSpan.FromSeconds(1);
        });
        using var timeout = new CancellationTokenSource(TestLimits.Hang);

        for (var i = 0; i < 2; i++)
        {
            var (failed, _, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), timeout.Token);
            Assert.Equal(UpstreamError.ServerError, failed.Error);
        }

        Assert.Equal(UpstreamCircuitState.Open, forwarder.CircuitState);
        Assert.False(forwarder.IsAvailable);
        var (fast, written, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), timeout.Token);
        Assert.Equal(UpstreamError.CircuitOpen, fast.Error);
        Assert.Equal(503, fast.ClientStatus);
        Assert.True(fast.CanFallBack);
        Assert.Empty(written);
        Assert.Equal(2, bench.Proxy.RequestCount);
        Assert.Contains("kind=\"circuit_open\"", bench.Metrics.Scrape());

        bench.Proxy.Mode = FaultProxyMode.PassThrough;
        await Task.Delay(TimeSpan.FromMilliseconds(1200), timeout.Token);
        var (probe, _, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), timeout.Token);

        Assert.True(probe.Succeeded, probe.ToString());
        Assert.Equal(UpstreamCircuitState.Closed, forwarder.CircuitState);
        Assert.Equal(3, bench.Proxy.RequestCount);
    }
}
