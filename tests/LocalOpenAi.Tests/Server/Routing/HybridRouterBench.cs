using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>
/// The hybrid router on loopback, end to end: a "cloud" (a second LocalOpenAi server), a
/// <see cref="FaultProxy"/> in front of it, and the edge server under test pointed at the proxy.
/// </summary>
/// <remarks>
/// Shared by the tests of <see cref="HybridRouterCollection"/>, which run one at a time; each test
/// starts with <see cref="ResetAsync"/> (strategy hybrid, proxy passing through).
/// </remarks>
public sealed class HybridRouterBench : CloudEdgeBench
{

    public async Task ResetAsync()
    {
        Proxy.Mode = FaultProxyMode.PassThrough;
        Proxy.CutAfterBytes = 300;
        await SetStrategyAsync("hybrid");
    }

    /// <summary>A chat request body: one user message, greedy, a few tokens.</summary>
    public static JsonObject Chat(string content, string? model = null, int maxTokens = 8, bool stream = false)
    {
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = content }),
            ["max_tokens"] = maxTokens,
            ["temperature"] = 0,
            ["stream"] = stream,
        };
        if (model is not null)
        {
            body["model"] = model;
        }

        return body;
    }

    /// <summary>A chat request whose local answer the grammar keeps whole and well-formed (a small JSON object, then stop).</summary>
    public static JsonObject SmallJsonChat(string content)
    {
        var body = Chat(content, maxTokens: 64);
        body["response_format"] = JsonNode.Parse("""{"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}}}""");
        return body;
    }

    public async Task<JsonNode> StatusAsync()
    {
        using var timeout = new CancellationTokenSource(RequestBound);
        return JsonNode.Parse(await Edge.Http.GetStringAsync("router/status", timeout.Token))!;
    }

    public async Task SetStrategyAsync(string strategy)
    {
        using var timeout = new CancellationTokenSource(RequestBound);
        using var response = await Edge.Http.PutAsJsonAsync("admin/router/strategy", new { strategy }, timeout.Token);
        response.EnsureSuccessStatusCode();
    }

    protected override Task<ServerFixture> CreateEdgeAsync(Uri upstream) => Task.FromResult<ServerFixture>(new EdgeServer(upstream));
}
