using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Upstream;

[Collection(ServerCollection.Name)]
public sealed class UpstreamRelayTests(ServerFixture server)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Non_streaming_answer_is_relayed_byte_for_byte_with_the_model_rewritten_and_the_key_sent()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TestLimits.Hang);

        var (result, written, response) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: false), timeout.Token);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.Attempts);
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
        Assert.StartsWith("application/json", response.ContentType);
        Assert.Equal("Bearer sk-test-secret", bench.Proxy.LastAuthorization);
        Assert.Equal(ServerFixture.ModelAlias, JsonNode.Parse(bench.Proxy.LastRequestBody!)!["model"]!.GetValue<string>());
        Assert.Equal("chat.completion", JsonNode.Parse(written)!["object"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Stream_is_relayed_event_by_event_exactly_as_the_upstream_sent_it()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TestLimits.Hang);

        var (result, written, response) = await bench.ForwardAsync(bench.Forwarder(withV1: true), UpstreamTestBench.Chat(stream: true, maxTokens: 12), timeout.Token);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
        Assert.Equal("text/event-stream", response.ContentType?.Split(';')[0]);
        var sent = Encoding.UTF8.GetString(written);
        var events = sent.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_upstream_client_error_keeps_its_status_type_and_code_and_is_not_retried()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        var request = UpstreamTestBench.Chat(stream: false) with { Model = "no-such-model" };

        var (result, written, response) = await bench.ForwardAsync(bench.Forwarder(), request, timeout.Token);

        Assert.Equal(404, response.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Equal(1, bench.Proxy.RequestCount);
        var error = JsonNode.Parse(written)!["error"]!;
        var upstreamError = JsonNode.Parse(bench.Proxy.LastResponseBytes)!["error"]!;
        Assert.Equal(upstreamError["type"]!.GetValue<string>(), error["type"]!.GetValue<string>());
        Assert.Equal(upstreamError["code"]!.GetValue<string>(), error["code"]!.GetValue<string>());
        Assert.Equal(upstreamError["message"]!.GetValue<string>(), error["message"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_upstream_error_that_echoes_our_key_reaches_the_client_without_it()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.EchoingClientError;
        using var timeout = new CancellationTokenSource(TestLimits.Hang);

        var (_, written, response) = await bench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: false), timeout.Token);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Bearer sk-test-secret", bench.Proxy.LastAuthorization);
        var text = Encoding.UTF8.GetString(written);
        Assert.DoesNotContain("sk-test-secret", text);
        Assert.DoesNotContain("Bearer sk", text);
        var error = JsonNode.Parse(written)!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal("bad_thing", error["code"]!.GetValue<string>());
        Assert.Equal("messages", error["param"]!.GetValue<string>());
    }

    [Theory(Timeout = TestLimits.HangMilliseconds)]
    [InlineData(FaultProxyMode.HtmlPage, false)]
    [InlineData(FaultProxyMode.Redirect, false)]
    [InlineData(FaultProxyMode.AlwaysStream, false)]
    [InlineData(FaultProxyMode.HtmlPage, true)]
    public async Task An_answer_that_is_not_a_completion_is_a_bad_response_never_relayed(FaultProxyMode mode, bool stream)
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = mode;
        using var timeout = new CancellationTokenSource(TestLimits.Hang);

        var (result, written, _) = await bench.ForwardAsync(bench.Forwarder(o => o.MaxRetries = 0), UpstreamTestBench.Chat(stream), timeout.Token);

        Assert.Equal(UpstreamError.BadResponse, result.Error);
        Assert.True(result.CanFallBack);
        Assert.Equal(502, result.ClientStatus);
        Assert.Empty(written);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_silent_upstream_costs_one_total_deadline_across_all_retries()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        bench.Proxy.Mode = FaultProxyMode.Hang;

        // Long enough for the first attempt to reach the proxy on a loaded machine (300 ms once was not); every retry would be another request.
        var forwarder = bench.Forwarder(o => (o.ReadTimeout, o.MaxRetries, o.TotalTimeout) = (TimeSpan.FromMinutes(5), 3, TimeSpan.FromSeconds(2)));
        using var never = new CancellationTokenSource(TimeSpan.FromSeconds(45));

        var (result, written, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), never.Token);

        Assert.Equal(UpstreamError.Timeout, result.Error);
        Assert.Equal(504, result.ClientStatus);
        Assert.Equal(1, bench.Proxy.RequestCount);
        Assert.Empty(written);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Without_a_url_the_forwarder_answers_not_configured_without_writing()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        var forwarder = bench.Forwarder(o => o.Url = null);

        var (result, written, _) = await bench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), CancellationToken.None);

        Assert.False(forwarder.IsAvailable);
        Assert.Equal(UpstreamError.NotConfigured, result.Error);
        Assert.True(result.CanFallBack);
        Assert.Equal(503, result.ClientStatus);
        Assert.Empty(written);
        Assert.Equal(0, bench.Proxy.RequestCount);
    }
}
