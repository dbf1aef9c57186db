using System.Net;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Which side answers, under each strategy, with the classifier, aliases, headers and rules.</summary>
[Collection(HybridRouterCollection.Name)]
public sealed class RouteSelectionTests(HybridRouterBench bench) : IAsyncLifetime
{
    public Task InitializeAsync() => bench.ResetAsync();

    public Task DisposeAsync() => bench.ResetAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_greeting_is_answered_locally_without_calling_the_cloud()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting));

        await AssertLocalAsync(response, calls);
        Assert.StartsWith("simple", response.Header("X-Route-Reason"));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_complex_coding_request_is_answered_by_the_cloud()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex));

        await AssertCloudAsync(response, calls);
        Assert.StartsWith("complex", response.Header("X-Route-Reason"));
        Assert.Contains(RoutingPrompts.Complex, bench.Proxy.LastRequestBody);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Naming_an_upstream_alias_goes_to_the_cloud_with_the_mapped_model()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting, model: EdgeServer.CloudAlias));

        await AssertCloudAsync(response, calls);
        Assert.Equal("upstream model gpt-4o", response.Header("X-Route-Reason"));
        Assert.Equal("tiny", JsonNode.Parse(bench.Proxy.LastRequestBody!)!["model"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task X_Route_Prefer_local_keeps_a_complex_request_local_under_hybrid()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex), ("X-Route-Prefer", "local"));

        await AssertLocalAsync(response, calls);
        Assert.Equal("X-Route-Prefer local", response.Header("X-Route-Reason"));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task X_Route_Prefer_cloud_sends_a_greeting_to_the_cloud()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting), ("X-Route-Prefer", "cloud"));

        await AssertCloudAsync(response, calls);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_agent_rule_keeps_a_complex_request_local()
    {
        var calls = bench.Proxy.RequestCount;

        using var pinned = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex), ("X-Agent-Name", "analyst-7"));
        await AssertLocalAsync(pinned, calls);
        Assert.Equal("rule analyst-* matched agent analyst-7", pinned.Header("X-Route-Reason"));

        using var other = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex), ("X-Agent-Name", "coder-1"));
        await AssertCloudAsync(other, calls);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Changing_the_strategy_at_run_time_changes_the_routes()
    {
        var calls = bench.Proxy.RequestCount;

        await bench.SetStrategyAsync("local_only");
        using var localOnly = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex, model: EdgeServer.CloudAlias));
        await AssertLocalAsync(localOnly, calls);
        Assert.Equal("strategy local_only", localOnly.Header("X-Route-Reason"));
        Assert.Equal("local_only", (await bench.StatusAsync())["strategy"]!.GetValue<string>());

        await bench.SetStrategyAsync("cloud_only");
        using var cloudOnly = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting), ("X-Route-Prefer", "local"));
        await AssertCloudAsync(cloudOnly, calls);
        Assert.Equal("strategy cloud_only", cloudOnly.Header("X-Route-Reason"));
        Assert.Equal("cloud_only", (await bench.StatusAsync())["strategy"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Under_local_fallback_even_a_complex_request_is_answered_locally_first()
    {
        var calls = bench.Proxy.RequestCount;

        await bench.SetStrategyAsync("local_fallback");
        using var response = await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex));

        await AssertLocalAsync(response, calls);
        Assert.Equal("strategy local_fallback", response.Header("X-Route-Reason"));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_unknown_strategy_is_refused_and_the_current_one_kept()
    {
        using var response = await bench.Edge.Http.PutAsync(
            "admin/router/strategy", new StringContent("""{"strategy":"cheapest"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("strategy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["param"]!.GetValue<string>());
        Assert.Equal("hybrid", (await bench.StatusAsync())["strategy"]!.GetValue<string>());
    }

    /// <summary>The edge's own model answered: the cloud was not called and the answer's id carries the edge's request id.</summary>
    private async Task AssertLocalAsync(HttpResponseMessage response, int proxyCallsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Equal(proxyCallsBefore, bench.Proxy.RequestCount);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("chat.completion", answer["object"]!.GetValue<string>());
        Assert.Equal("chatcmpl-" + response.Header("X-Request-Id"), answer["id"]!.GetValue<string>());
    }

    /// <summary>The cloud answered: the proxy saw the call, and the edge relayed exactly the cloud's bytes (its id is the cloud's, not the edge's).</summary>
    private async Task AssertCloudAsync(HttpResponseMessage response, int proxyCallsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.True(bench.Proxy.RequestCount > proxyCallsBefore, "the cloud was not called");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bench.Proxy.LastResponseBytes, bytes);
        var answer = JsonNode.Parse(bytes)!;
        Assert.Equal("chat.completion", answer["object"]!.GetValue<string>());
        Assert.StartsWith("chatcmpl-", answer["id"]!.GetValue<string>());
        Assert.NotEqual("chatcmpl-" + response.Header("X-Request-Id"), answer["id"]!.GetValue<string>());
    }
}
