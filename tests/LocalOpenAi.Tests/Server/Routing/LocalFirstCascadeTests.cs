using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// <c>local_first</c> end to end, with a second server as the cloud: the random-weight local model's answers
/// fail their checks when cut off, so escalation is observable; answers that pass stay local.
/// </summary>
[Collection(HybridRouterCollection.Name)]
public sealed class LocalFirstCascadeTests(HybridRouterBench bench) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await bench.ResetAsync();
        await bench.SetStrategyAsync("local_first");
    }

    public Task DisposeAsync() => bench.ResetAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_local_answer_cut_off_at_the_token_limit_is_answered_by_the_cloud_instead()
    {
        var calls = bench.Proxy.RequestCount;
        var body = HybridRouterBench.Chat(RoutingPrompts.Complex, maxTokens: 6);
        body["ignore_eos"] = true;

        using var response = await bench.ChatAsync(body);

        await Escalation.AssertEscalatedAsync(response, "length", bench, calls);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_local_answer_that_passes_its_checks_stays_local()
    {
        var calls = bench.Proxy.RequestCount;

        using var response = await bench.ChatAsync(HybridRouterBench.SmallJsonChat(RoutingPrompts.Complex));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("local", response.Header("X-Route"));
        Assert.Equal("strategy local_first", response.Header("X-Route-Reason"));
        Assert.Equal(calls, bench.Proxy.RequestCount);
        Assert.NotNull(JsonNode.Parse(answer["choices"]![0]!["message"]!["content"]!.GetValue<string>())!["n"]);
    }
}
