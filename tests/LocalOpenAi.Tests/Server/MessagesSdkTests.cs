using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anthropic;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Server;

/// <summary>The official Anthropic .NET SDK (through its <see cref="IChatClient"/>) against <c>/v1/messages</c> on a real server and real llama.cpp.</summary>
[Collection(ServerCollection.Name)]
public sealed class MessagesSdkTests(ServerFixture server)
{
    private IChatClient Chat(int maxTokens) =>
        new AnthropicClient { ApiKey = "not-needed", BaseUrl = server.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 }
            .AsIChatClient(ServerFixture.ModelAlias, maxTokens);

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_message_comes_back_with_text_a_finish_reason_and_usage()
    {
        var response = await Chat(12).GetResponseAsync(
            [new(ChatRole.System, "You are terse."), new(ChatRole.User, "Say hello")],
            new ChatOptions { Temperature = 0 });

        Assert.False(string.IsNullOrEmpty(response.Text));
        Assert.Contains(response.FinishReason, new ChatFinishReason?[] { ChatFinishReason.Stop, ChatFinishReason.Length });
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 12);
        Assert.True(response.Usage.InputTokenCount > 5);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_streamed_message_assembles_into_the_same_kind_of_answer()
    {
        var updates = await Chat(12).GetStreamingResponseAsync("Stream a few words", new ChatOptions { Temperature = 0 }).ToListAsync();
        var response = updates.ToChatResponse();

        Assert.True(updates.Count > 2, $"{updates.Count} updates");
        Assert.False(string.IsNullOrEmpty(response.Text));
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 12);
        Assert.True(response.Usage.InputTokenCount > 5, $"input tokens {response.Usage.InputTokenCount}");
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_streams_message_start_reports_the_prompt_tokens_that_count_tokens_counts_also_from_the_cache()
    {
        var request = new JsonObject
        {
            ["model"] = ServerFixture.ModelAlias,
            ["max_tokens"] = 4,
            ["temperature"] = 0,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"Count these prompt tokens before the first one ({Guid.NewGuid():N})" }),
        };
        using var counted = await server.Http.PostAsync("/v1/messages/count_tokens", JsonContent.Create(request));
        var expected = JsonNode.Parse(await counted.Content.ReadAsStringAsync())!["input_tokens"]!.GetValue<int>();
        request["stream"] = true;

        var generated = await MessageStartInputTokensAsync(request);
        var replayed = await MessageStartInputTokensAsync(request);

        Assert.True(expected > 5, $"count_tokens said {expected}");
        Assert.Equal((expected, "MISS"), generated);
        Assert.Equal((expected, "HIT"), replayed);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_max_tokens_beyond_the_slots_context_is_answered_within_it_not_refused()
    {
        // Anthropic clients must send max_tokens and often ask for more than a local slot holds (2,048 tokens here).
        var request = new JsonObject
        {
            ["model"] = ServerFixture.ModelAlias,
            ["max_tokens"] = 32_000,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"Write at length ({Guid.NewGuid():N})" }),
        };

        using var response = await server.Http.PostAsync("/v1/messages", JsonContent.Create(request));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var usage = message["usage"]!;
        var used = usage["input_tokens"]!.GetValue<int>() + usage["cache_read_input_tokens"]!.GetValue<int>() + usage["output_tokens"]!.GetValue<int>();
        Assert.InRange(used, 1, 8192 / 4);
        Assert.Contains(message["stop_reason"]!.GetValue<string>(), new[] { "end_turn", "max_tokens" });
    }

    private async Task<(int InputTokens, string Cache)> MessageStartInputTokensAsync(JsonObject request)
    {
        using var streamed = await server.Http.PostAsync("/v1/messages", JsonContent.Create(request));
        var events = await streamed.Content.ReadAsStringAsync();
        var start = events.Split('\n').First(line => line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"message_start\"", StringComparison.Ordinal));
        var inputTokens = JsonNode.Parse(start["data: ".Length..])!["message"]!["usage"]!["input_tokens"]!.GetValue<int>();
        return (inputTokens, streamed.Headers.GetValues("X-Cache").Single());
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_required_tool_is_called_by_the_sdks_function_invocation_and_its_result_sent_back()
    {
        var calls = 0;
        var lookup = AIFunctionFactory.Create((long id) => { calls++; return $"order {id}: shipped"; }, "lookup_order", "Finds an order by id");
        var chat = Chat(64).AsBuilder().UseFunctionInvocation(configure: invoker => invoker.MaximumIterationsPerRequest = 2).Build();

        var response = await chat.GetResponseAsync(
            "Where is order 7?",
            new ChatOptions { Tools = [lookup], ToolMode = ChatToolMode.RequireSpecific("lookup_order"), Temperature = 0 });

        Assert.True(calls >= 1, "the model's tool_use block reached the function");
        var result = response.Messages.SelectMany(message => message.Contents).OfType<FunctionResultContent>().First();
        Assert.StartsWith("order ", result.Result?.ToString());
    }
}
