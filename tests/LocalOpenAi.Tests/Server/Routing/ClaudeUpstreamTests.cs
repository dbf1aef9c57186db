using System.Net;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Routing;

/// <summary>Chat and Messages requests routed to an Anthropic upstream: translated both ways, streamed, and falling back when Claude fails.</summary>
[Collection(ClaudeRouterCollection.Name)]
public sealed class ClaudeUpstreamTests(ClaudeRouterBench bench) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        bench.Proxy.Mode = FaultProxyMode.PassThrough;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_chat_request_for_the_cloud_alias_goes_to_claude_as_a_messages_request_and_comes_back_as_a_chat_completion()
    {
        using var response = await bench.PostAsync("v1/chat/completions", Chat(ClaudeRouterBench.CloudAlias, stream: false, system: "Be brief."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal("/v1/messages", bench.Proxy.LastPath);
        Assert.Equal("sk-ant-test-secret", bench.Proxy.LastApiKey);
        Assert.Equal("2023-06-01", bench.Proxy.LastAnthropicVersion);
        Assert.Null(bench.Proxy.LastAuthorization);
        var sent = JsonNode.Parse(bench.Proxy.LastRequestBody!)!;
        Assert.Equal("Be brief.", sent["system"]!.GetValue<string>());
        Assert.Equal(ServerFixture.ModelAlias, sent["model"]!.GetValue<string>());
        Assert.Equal(8, sent["max_tokens"]!.GetValue<int>());
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("chat.completion", answer["object"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(answer["choices"]![0]!["message"]!["content"]!.GetValue<string>()));
        Assert.Contains(answer["choices"]![0]!["finish_reason"]!.GetValue<string>(), new[] { "stop", "length" });
        Assert.True(answer["usage"]!["prompt_tokens"]!.GetValue<int>() > 0);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_streamed_chat_request_relays_claudes_events_as_chat_chunks_ending_in_done()
    {
        var body = Chat(ClaudeRouterBench.CloudAlias, stream: true);
        body["stream_options"] = new JsonObject { ["include_usage"] = true };

        using var response = await bench.PostAsync("v1/chat/completions", body);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(item => JsonNode.Parse(item["data: ".Length..])!).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk["object"]!.GetValue<string>()));
        Assert.Contains(chunks, chunk => chunk["choices"] is JsonArray { Count: > 0 } choices && choices[0]!["finish_reason"] is not null);
        Assert.True(chunks[^1]["usage"]!["completion_tokens"]!.GetValue<int>() >= 1);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_forced_tool_call_comes_back_from_claude_as_chat_tool_calls()
    {
        var body = Chat(ClaudeRouterBench.CloudAlias, stream: false, maxTokens: 64);
        body["tools"] = new JsonArray(new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = "lookup",
                ["parameters"] = JsonNode.Parse("""{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}"""),
            },
        });
        body["tool_choice"] = JsonNode.Parse("""{"type":"function","function":{"name":"lookup"}}""");

        using var response = await bench.PostAsync("v1/chat/completions", body);
        var choice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!;

        Assert.Equal("tool", JsonNode.Parse(bench.Proxy.LastRequestBody!)!["tool_choice"]!["type"]!.GetValue<string>());
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        var call = choice["message"]!["tool_calls"]![0]!["function"]!;
        Assert.Equal("lookup", call["name"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(call["arguments"]!.GetValue<string>())!["id"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_anthropic_client_of_the_edge_reaches_claude_through_both_translations()
    {
        var body = new JsonObject
        {
            ["model"] = ClaudeRouterBench.CloudAlias,
            ["max_tokens"] = 8,
            ["temperature"] = 0,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hello there" }),
        };

        using var response = await bench.PostAsync("v1/messages", body);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cloud", response.Header("X-Route"));
        Assert.Equal("/v1/messages", bench.Proxy.LastPath);
        Assert.Equal("message", message["type"]!.GetValue<string>());
        Assert.Equal("text", message["content"]![0]!["type"]!.GetValue<string>());
        Assert.True(message["usage"]!["output_tokens"]!.GetValue<int>() >= 1);
    }

    [Theory(Timeout = TestLimits.HangMilliseconds)]
    [InlineData(FaultProxyMode.ServerError)]
    [InlineData(FaultProxyMode.HtmlPage)]
    public async Task When_claude_fails_before_answering_the_local_model_answers(FaultProxyMode fault)
    {
        bench.Proxy.Mode = fault;

        using var response = await bench.PostAsync("v1/chat/completions", Chat(ClaudeRouterBench.CloudAlias, stream: true));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.EndsWith("fell back to local", response.Header("X-Route-Reason"));
        Assert.EndsWith("data: [DONE]\n\n", text);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task What_claude_cannot_serve_falls_back_to_the_local_model()
    {
        var body = Chat(ClaudeRouterBench.CloudAlias, stream: false);
        body["logprobs"] = true;

        using var response = await bench.PostAsync("v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", response.Header("X-Route"));
        Assert.StartsWith("upstream_unsupported", response.Header("X-Route-Reason"));
    }

    private static JsonObject Chat(string model, bool stream, int maxTokens = 8, string? system = null)
    {
        var messages = new JsonArray();
        if (system is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = "Tell me about the harbour" });
        return new JsonObject { ["model"] = model, ["messages"] = messages, ["max_tokens"] = maxTokens, ["temperature"] = 0, ["stream"] = stream };
    }
}
