using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Upstream;

[Collection(ServerCollection.Name)]
public sealed class UpstreamRelayTests(ServerFixture server)
{
    [Fact(Timeout = 60_000)]
    public async Task Non_streaming_answer_is_relayed_byte_for_byte_with_the_model_rewritten_and_the_key_sent()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (result, written, response) = await UpstreamTestBench.ForwardAsync(bench.Forwarder(), UpstreamTestBench.Chat(stream: false), timeout.Token);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.Attempts);
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
        Assert.StartsWith("application/json", response.ContentType);
        Assert.Equal(written, result.Capture?.Body?.ToArray());
        Assert.Equal("Bearer sk-test-secret", bench.Proxy.LastAuthorization);
        Assert.Equal(ServerFixture.ModelAlias, JsonNode.Parse(bench.Proxy.LastRequestBody!)!["model"]!.GetValue<string>());
        Assert.Equal("chat.completion", JsonNode.Parse(written)!["object"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task Stream_is_relayed_event_by_event_exactly_as_the_upstream_sent_it()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (result, written, response) = await UpstreamTestBench.ForwardAsync(bench.Forwarder(withV1: true), UpstreamTestBench.Chat(stream: true, maxTokens: 12), timeout.Token);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
        Assert.Equal("text/event-stream", response.ContentType?.Split(';')[0]);
        var sent = Encoding.UTF8.GetString(written);
        var events = sent.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        Assert.Equal(events[..^1].Select(e => e["data: ".Length..]), result.Capture?.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_upstream_client_error_is_relayed_not_retried()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = UpstreamTestBench.Chat(stream: false) with { Model = "no-such-model" };

        var (result, written, _) = await UpstreamTestBench.ForwardAsync(bench.Forwarder(), request, timeout.Token);

        Assert.Equal(UpstreamError.None, result.Error);
        Assert.Equal(404, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Null(result.Capture);
        Assert.Equal(1, bench.Proxy.RequestCount);
        Assert.Equal(bench.Proxy.LastResponseBytes, written);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_url_the_forwarder_answers_not_configured_without_writing()
    {
        await using var bench = await UpstreamTestBench.StartAsync(server);
        var forwarder = bench.Forwarder(o => o.Url = null);

        var (result, written, _) = await UpstreamTestBench.ForwardAsync(forwarder, UpstreamTestBench.Chat(stream: false), CancellationToken.None);

        Assert.False(forwarder.IsAvailable);
        Assert.Equal(UpstreamError.NotConfigured, result.Error);
        Assert.True(result.CanFallBack);
        Assert.Equal(503, result.ClientStatus);
        Assert.Empty(written);
        Assert.Equal(0, bench.Proxy.RequestCount);
    }
}
