using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary><c>/router/classify</c> and <c>/router/status</c> on the edge server.</summary>
[Collection(HybridRouterCollection.Name)]
public sealed class RouterEndpointsTests(HybridRouterBench bench) : IAsyncLifetime
{
    public Task InitializeAsync() => bench.ResetAsync();

    public Task DisposeAsync() => bench.ResetAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Classify_tells_complexity_score_route_and_reasons_without_generating()
    {
        var before = await CompletionTokensAsync();
        var calls = bench.Proxy.RequestCount;

        var complex = await ClassifyAsync(new { messages = new[] { new { role = "user", content = RoutingPrompts.Complex } } });
        var simple = await ClassifyAsync(new { prompt = RoutingPrompts.Greeting });
        var pinned = await ClassifyAsync(new { prompt = RoutingPrompts.Complex, agent = "analyst-7" });

        Assert.Equal("complex", complex["complexity"]!.GetValue<string>());
        Assert.Equal("cloud", complex["route"]!.GetValue<string>());
        Assert.True(complex["score"]!.GetValue<double>() > 0.5);
        Assert.NotEmpty(complex["reasons"]!.AsArray());
        Assert.Equal("simple", simple["complexity"]!.GetValue<string>());
        Assert.Equal("local", simple["route"]!.GetValue<string>());
        Assert.True(simple["score"]!.GetValue<double>() < complex["score"]!.GetValue<double>());
        Assert.Equal("complex", pinned["complexity"]!.GetValue<string>());
        Assert.Equal("local", pinned["route"]!.GetValue<string>());
        Assert.Equal(calls, bench.Proxy.RequestCount);
        Assert.Equal(before, await CompletionTokensAsync());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Classify_refuses_a_body_with_neither_messages_nor_prompt()
    {
        using var response = await bench.Edge.Http.PostAsJsonAsync("router/classify", new { agent = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Status_shows_strategy_both_sides_counts_and_savings()
    {
        var before = await bench.StatusAsync();

        using (await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Greeting)))
        using (await bench.ChatAsync(HybridRouterBench.Chat("Good morning")))
        using (await bench.ChatAsync(HybridRouterBench.Chat(RoutingPrompts.Complex)))
        {
        }

        var after = await bench.StatusAsync();
        Assert.Equal("hybrid", after["strategy"]!.GetValue<string>());
        Assert.True(after["local"]!["available"]!.GetValue<bool>());
        Assert.Contains("tiny", after["local"]!["models"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.True(after["cloud"]!["available"]!.GetValue<bool>());
        Assert.Equal("closed", after["cloud"]!["circuit"]!.GetValue<string>());
        Assert.Equal(Count(before, "local") + 2, Count(after, "local"));
        Assert.Equal(Count(before, "cloud") + 1, Count(after, "cloud"));
        Assert.Equal("gpt-4o", after["savings"]!["reference_model"]!.GetValue<string>());
        var avoided = after["savings"]!["cost_avoided_usd"]!.GetValue<decimal>();
        Assert.True(avoided > 0m, "local answers avoided no cloud cost");
        Assert.True(avoided > before["savings"]!["cost_avoided_usd"]!.GetValue<decimal>());
        Assert.True(after["savings"]!["cloud_spend_usd"]!.GetValue<decimal>() > 0m, "the cloud answer cost nothing");
    }

    private static long Count(JsonNode status, string route) => status["counts"]![route]!.GetValue<long>();

    private async Task<JsonNode> ClassifyAsync(object body)
    {
        using var timeout = new CancellationTokenSource(HybridRouterBench.RequestBound);
        using var response = await bench.Edge.Http.PostAsJsonAsync("router/classify", body, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!;
    }

    /// <summary>The edge's total of generated tokens, from <c>/metrics</c>.</summary>
    private async Task<double> CompletionTokensAsync()
    {
        var metrics = await bench.Edge.Http.GetStringAsync("metrics");
        return metrics.Split('\n')
            .Where(line => line.StartsWith("localopenai_completion_tokens_total", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
