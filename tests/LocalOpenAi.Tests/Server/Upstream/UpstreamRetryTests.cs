using System.Diagnostics;
using System.Text;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Upstream;

[Collection(ServerCollection.Name)]
public sealed class UpstreamRetryTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_500_is_retried_and_the_next_answer_relayed_once()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.FailNext(1, FaultProxyMode.ServerError);

        var (result, written, _) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: true), Timeout());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, bench.Proxy.RequestCount);
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
        Assert.Contains("kind=\"http_5xx\"", bench.Metrics.Scrape());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_429_waits_for_its_retry_after()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.FailNext(1, FaultProxyMode.RateLimited);
        var clock = Stopwatch.StartNew();

        var (result, _, _) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: false), Timeout());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_429_asking_for_longer_than_allowed_is_not_retried_and_keeps_its_retry_after()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.RateLimited;

        var (result, written, _) = await bench.ForwardAsync(bench.Forwarder(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(500)), UpstreamTestBench.Chat(stream: false), Timeout());

        Assert.Equal(UpstreamError.RateLimited, result.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.Equal(429, result.ClientStatus);
        Assert.Equal(1, bench.Proxy.RequestCount);
        Assert.Empty(written);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Persistent_500s_end_as_server_error_after_the_retries_without_writing()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.ServerError;

        var (result, written, _) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: true), Timeout());

        Assert.Equal(UpstreamError.ServerError, result.Error);
        Assert.Equal(500, result.StatusCode);
        Assert.True(result.CanFallBack);
        Assert.Equal(502, result.ClientStatus);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, bench.Proxy.RequestCount);
        Assert.Empty(written);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_hung_upstream_times_out_within_the_read_timeout()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.Hang;
        var forwarder = bench.Forwarder(o => (o.ReadTimeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(500), 1));
        var clock = Stopwatch.StartNew();

        var (result, written, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: true), Timeout());

        Assert.Equal(UpstreamError.Timeout, result.Error);
        Assert.Equal(504, result.ClientStatus);
        Assert.Equal("upstream_timeout", result.Reason);
        Assert.Equal(2, result.Attempts);
        Assert.Empty(written);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"two 500 ms reads ended after {clock.Elapsed}");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_reset_connection_is_retried_and_persistent_resets_end_as_connect_failed()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.FailNext(1, FaultProxyMode.Reset);
        var forwarder = bench.Forwarder();

        var (recovered, _, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), Timeout());
        bench.Proxy.Mode = FaultProxyMode.Reset;
        var (failed, written, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), Timeout());

        Assert.True(recovered.Succeeded, recovered.ToString());
        Assert.Equal(2, recovered.Attempts);
        Assert.Equal(UpstreamError.ConnectFailed, failed.Error);
        Assert.Equal(3, failed.Attempts);
        Assert.Empty(written);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_stream_cut_after_bytes_were_relayed_is_not_retried_and_ends_with_an_error_event()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.CutStream;
        bench.Proxy.CutAfterBytes = 300;

        var (result, written, _) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: true, maxTokens: 32), Timeout());

        Assert.Equal(UpstreamError.StreamCut, result.Error);
        Assert.True(result.ResponseStarted);
        Assert.False(result.CanFallBack);
        Assert.Equal(1, bench.Proxy.RequestCount);
        Assert.Equal(300, bench.Proxy.LastResponseBytes.Length);
        // What reached us is whole events from what the proxy sent, then the error event.
        var text = Encoding.UTF8.GetString(written);
        var cut = text.IndexOf("data: {\"error\"", StringComparison.Ordinal);
        Assert.True(cut > 0, text);
        Assert.Equal(bench.Proxy.LastResponseBytes[..cut], written[..cut]);
        Assert.EndsWith("\n\n", text[..cut]);
        Assert.Matches("^data: \\{\"error\":\\{.*\"code\":\"upstream_stream_cut\"\\}\\}\\n\\n$", text[cut..]);
        Assert.Contains("kind=\"stream_cut\"", bench.Metrics.Scrape());
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TestLimits.Hang).Token;
}
