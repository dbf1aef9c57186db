using System.Net;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Named upstreams: each model goes to the upstream that names it, and a failing one falls back to the next.</summary>
[Collection(UpstreamChainCollection.Name)]
public sealed class UpstreamChainTests(UpstreamChainBench bench) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        bench.Proxy.Mode = FaultProxyMode.PassThrough;
        bench.GptProxy.Mode = FaultProxyMode.PassThrough;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Each_alias_goes_to_the_upstream_that_names_it_with_that_upstreams_key()
    {
        var (claudeCalls, gptCalls) = (bench.Proxy.RequestCount, bench.GptProxy.RequestCount);

        using var claude = await bench.ChatAsync(UpstreamChainBench.ClaudeAlias);
        Assert.Equal("/v1/messages", bench.Proxy.LastPath);
        Assert.Equal("sk-ant-from-environment", bench.Proxy.LastApiKey);
        using var gpt = await bench.ChatAsync(UpstreamChainBench.GptAlias);

        Assert.Equal(HttpStatusCode.OK, claude.StatusCode);
        Assert.Equal(HttpStatusCode.OK, gpt.StatusCode);
        Assert.Equal((claudeCalls + 1, gptCalls + 1), (bench.Proxy.RequestCount, bench.GptProxy.RequestCount));
        Assert.Equal("/v1/chat/completions", bench.GptProxy.LastPath);
        var upstreams = JsonNode.Parse(await bench.Edge.Http.GetStringAsync("router/status"))!["cloud"]!["upstreams"]!.AsArray();
        Assert.True(upstreams.Single(item => item!["name"]!.GetValue<string>() == "gpt")!["spend_usd"]!.GetValue<decimal>() > 0, "gpt-4o is priced, so its answers cost something");
        Assert.Contains("localopenai_upstream_cost_usd_total{upstream=\"gpt\"}", await bench.Edge.Http.GetStringAsync("metrics"), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task When_claude_fails_the_next_upstream_answers_and_both_attempts_are_counted()
    {
        bench.Proxy.Mode = FaultProxyMode.ServerError;

        using var response = await bench.ChatAsync(UpstreamChainBench.ClaudeAlias);
        var metrics = await bench.Edge.Http.GetStringAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal("upstream claude failed, fell back to upstream gpt", response.Header("X-Route-Reason"));
        Assert.Equal(ServerFixture.ModelAlias, JsonNode.Parse(bench.GptProxy.LastRequestBody!)!["model"]!.GetValue<string>());
        Assert.Matches("localopenai_upstream_requests_total\\{status=\"502\",upstream=\"claude\"\\} [1-9]", metrics);
        Assert.Matches("localopenai_upstream_requests_total\\{status=\"200\",upstream=\"gpt\"\\} [1-9]", metrics);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Router_status_lists_every_upstream_with_its_kind_and_breaker()
    {
        var upstreams = JsonNode.Parse(await bench.Edge.Http.GetStringAsync("router/status"))!["cloud"]!["upstreams"]!.AsArray();

        Assert.Equal(["claude", "gpt"], upstreams.Select(item => item!["name"]!.GetValue<string>()));
        Assert.Equal(["anthropic", "openai"], upstreams.Select(item => item!["kind"]!.GetValue<string>()));
        Assert.All(upstreams, item => Assert.Equal("closed", item!["circuit"]!.GetValue<string>()));
    }
}
