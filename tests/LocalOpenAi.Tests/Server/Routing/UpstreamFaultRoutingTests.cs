using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Every upstream fault ends in a fallback or a clear OpenAI error, never a hang.</summary>
[Collection(HybridRouterCollection.Name)]
public sealed class UpstreamFaultRoutingTests(HybridRouterBench bench) : IAsyncLifetime
{
    /// <summary>Two attempts of the 2 s read timeout, the backoff, and the local answer, with room for a busy machine.</summary>
    private static readonly TimeSpan TimeoutBound = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => bench.ResetAsync();

    public Task DisposeAsync() => bench.ResetAsync();

    [Theory(Timeout = TestLimits.HangMilliseconds)]
    [InlineData(FaultProxyMode.ServerError, "upstream_http_5xx")]
    [InlineData(FaultProxyMode.Reset, "upstream_connect")]
    [InlineData(FaultProxyMode.RateLimited, "upstream_rate_limited")]
    public async Task Under_hybrid_a_failing_cloud_falls_back_to_local(FaultProxyMode fault, string reason)
    {
        bench.Proxy.Mode = fault;
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Contains(reason, response.Header("X-Route-Reason"));
        Assert.EndsWith("fell back to local", response.Header("X-Route-Reason"));
        Assert.Equal(calls + 2, bench.Proxy.RequestCount);
        Assert.Equal("chat.completion", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["object"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_429_with_Retry_After_is_retried_after_the_delay_and_the_cloud_answers()
    {
        bench.Proxy.FailNext(1, FaultProxyMode.RateLimited);
        var calls = bench.Proxy.RequestCount;
        var clock = Stopwatch.StartNew();

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal(bench.Proxy.LastResponseBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(calls + 2, bench.Proxy.RequestCount);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, before Retry-After: 1");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Under_cloud_only_a_429_that_persists_is_passed_on_with_Retry_After()
    {
        await bench.SetStrategyAsync("cloud_only");
        bench.Proxy.Mode = FaultProxyMode.RateLimited;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        await AssertErrorEnvelopeAsync(response, "rate_limit_exceeded");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Under_hybrid_a_hanging_cloud_falls_back_to_local_within_the_read_timeout()
    {
        bench.Proxy.Mode = FaultProxyMode.Hang;
        var clock = Stopwatch.StartNew();

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Equal("upstream_timeout, fell back to local", response.Header("X-Route-Reason"));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeoutBound);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Under_cloud_only_a_hanging_cloud_answers_504_within_the_read_timeout()
    {
        await bench.SetStrategyAsync("cloud_only");
        bench.Proxy.Mode = FaultProxyMode.Hang;
        var clock = Stopwatch.StartNew();

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeoutBound);
        await AssertErrorEnvelopeAsync(response, "upstream_timeout");
    }

    [Theory(Timeout = TestLimits.HangMilliseconds)]
    [InlineData(FaultProxyMode.ServerError)]
    [InlineData(FaultProxyMode.Reset)]
    public async Task Under_cloud_only_a_broken_cloud_answers_an_OpenAI_error_not_a_local_answer(FaultProxyMode fault)
    {
        await bench.SetStrategyAsync("cloud_only");
        bench.Proxy.Mode = fault;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting));

        Assert.Contains((int)response.StatusCode, new[] { 502, 503, 504 });
        Assert.Equal("cloud", response.Header("X-Route"));
        await AssertErrorEnvelopeAsync(response, "upstream_");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_cloud_stream_cut_mid_way_ends_with_an_error_event_and_no_DONE()
    {
        bench.Proxy.Mode = FaultProxyMode.CutStream;
        bench.Proxy.CutAfterBytes = 700;
        var body = HybridRouterBench.Chat(RoutingPrompts.Greeting, model: EdgeServer.CloudAlias, maxTokens: 64, stream: true);
        body["ignore_eos"] = true;

        using var response = await bench.ChatAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(events.Length >= 2, text);
        Assert.DoesNotContain("[DONE]", text);
        Assert.StartsWith("data: {\"error\":", events[^1]);
        Assert.Equal("upstream_stream_cut", JsonNode.Parse(events[^1]["data: ".Length..])!["error"]!["code"]!.GetValue<string>());
        var relayed = text[..text.LastIndexOf("data: {\"error\":", StringComparison.Ordinal)];
        Assert.NotEmpty(relayed);
        Assert.StartsWith(relayed, Encoding.UTF8.GetString(bench.Proxy.LastResponseBytes));
        Assert.All(events[..^1], e => Assert.Contains("chat.completion.chunk", e));
    }

    private static async Task AssertErrorEnvelopeAsync(HttpResponseMessage response, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        var error = JsonNode.Parse(text)!["error"]!;
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(error["type"]!.GetValue<string>()));
        Assert.StartsWith(code, error["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", text);
    }
}
