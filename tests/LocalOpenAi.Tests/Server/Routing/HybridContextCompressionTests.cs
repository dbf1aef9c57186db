using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Server.Routing;
using Xunit.Abstractions;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>The hybrid route end to end: a long RAG context is summarised locally and the short request answered by the cloud.</summary>
[Collection(HybridRouterCollection.Name)]
public sealed class HybridContextCompressionTests(HybridRouterBench bench, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => bench.ResetAsync();

    public Task DisposeAsync() => bench.ResetAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_long_context_is_summarised_locally_and_the_shorter_request_goes_to_the_cloud()
    {
        var report = RoutingPrompts.Report(sentences: 100);
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "Answer from this report only.\n\n" + report },
                new JsonObject { ["role"] = "user", ["content"] = RoutingPrompts.RiskQuestion }),
            ["max_tokens"] = 8,
            ["temperature"] = 0,
        };
        var reportTokens = await CountTokensAsync(report);
        Assert.True(reportTokens > 2 * ContextCompressor.CompressAboveTokens, $"the report has only {reportTokens} tokens");
        var classified = await ClassifyAsync(body);
        Assert.Equal("moderate", classified["complexity"]!.GetValue<string>());
        Assert.Equal("hybrid", classified["route"]!.GetValue<string>());
        var hybridBefore = (await bench.StatusAsync())["counts"]!["hybrid"]!.GetValue<long>();
        var calls = bench.Proxy.RequestCount;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await bench.ChatAsync(body);
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.StartsWith("hybrid: context summarised locally", response.Header("X-Route-Reason"));
        Assert.Equal(bench.Proxy.LastResponseBytes, await response.Content.ReadAsByteArrayAsync());
        var (before, after) = ParseContextTokens(response.Header("X-Context-Tokens"));
        Assert.True(before > reportTokens, $"before {before} must count the whole report ({reportTokens})");
        Assert.True(after * 4 < before, $"after {after} is not much smaller than before {before}");
        Assert.Equal(calls + 1, bench.Proxy.RequestCount);

        var forwarded = JsonNode.Parse(bench.Proxy.LastRequestBody!)!["messages"]!.AsArray();
        var summary = forwarded[0]!["content"]!.GetValue<string>();
        var question = forwarded[1]!["content"]!.GetValue<string>();
        Assert.Equal(RoutingPrompts.RiskQuestion, question);
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.DoesNotContain("Quarterly operations report", summary);
        Assert.Equal(after, await CountTokensAsync(summary) + await CountTokensAsync(question));
        Assert.Equal("chat.completion", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["object"]!.GetValue<string>());
        Assert.Equal(hybridBefore + 1, (await bench.StatusAsync())["counts"]!["hybrid"]!.GetValue<long>());

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"X-Context-Tokens {before}->{after}: {100.0 * (before - after) / before:0.0}% fewer content tokens sent upstream ({report.Length} chars of report, {summary.Length} chars of summary forwarded) in {elapsed.TotalSeconds:0.0} s"));
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_short_moderate_request_under_hybrid_is_answered_locally_without_compression()
    {
        var calls = bench.Proxy.RequestCount;
        var body = HybridRouterBench.Chat("Summarize the following article for our newsletter in 3 bullet points: markets rose slightly today after a quiet week.");
        Assert.Equal("hybrid", (await ClassifyAsync(body))["route"]!.GetValue<string>());

        using var response = await bench.ChatAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.Null(response.Header("X-Context-Tokens"));
        Assert.Equal(calls, bench.Proxy.RequestCount);
    }

    private static (int Before, int After) ParseContextTokens(string? header)
    {
        Assert.NotNull(header);
        var parts = header.Split("->");
        Assert.Equal(2, parts.Length);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Tokens as the compressor counts them (no BOS, special tokens not parsed), via the edge's <c>/tokenize</c>.</summary>
    private async Task<int> CountTokensAsync(string text)
    {
        using var response = await bench.Edge.Http.PostAsJsonAsync("tokenize", new { content = text, add_special = false, parse_special = false });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["tokens"]!.AsArray().Count;
    }

    private async Task<JsonNode> ClassifyAsync(JsonObject chat)
    {
        using var response = await bench.Edge.Http.PostAsJsonAsync("router/classify", new JsonObject { ["messages"] = chat["messages"]!.DeepClone() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
