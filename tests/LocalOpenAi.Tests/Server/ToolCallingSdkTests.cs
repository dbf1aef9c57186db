using System.Text.Json;
using LocalOpenAi.Tests.Support;
using OpenAI.Chat;

namespace LocalOpenAi.Tests.Server;

/// <summary>Tool calls through the official SDK: forced calls are well-formed, and results feed the next turn.</summary>
[Collection(ServerCollection.Name)]
public sealed class ToolCallingSdkTests(ServerFixture server)
{
    private static readonly ChatTool Forecast = ChatTool.CreateFunctionTool(
        "get_forecast",
        "Weather forecast for a city",
        BinaryData.FromString("""{"type":"object","properties":{"city":{"enum":["Paris","Oslo","Lima"]},"days":{"type":"integer","minimum":1,"maximum":7},"unit":{"enum":["c","f"]}},"required":["city","days","unit"],"additionalProperties":false}"""));

    private static readonly ChatTool Stock = ChatTool.CreateFunctionTool(
        "get_quote",
        "Stock quote",
        BinaryData.FromString("""{"type":"object","properties":{"ticker":{"enum":["AAPL","MSFT"]}},"required":["ticker"],"additionalProperties":false}"""));

    private ChatClient Chat => server.OpenAi.GetChatClient(ServerFixture.ModelAlias);

    [Fact]
    public async Task A_required_tool_choice_yields_a_well_formed_call_of_an_offered_tool()
    {
        var options = new ChatCompletionOptions { Tools = { Forecast, Stock }, ToolChoice = ChatToolChoice.CreateRequiredChoice(), Temperature = 1f, Seed = 3 };

        ChatCompletion completion = await Chat.CompleteChatAsync([new UserChatMessage("Weather in Oslo for 3 days?")], options);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.StartsWith("call_", call.Id);
        Assert.Contains(call.FunctionName, new[] { "get_forecast", "get_quote" });
        using var arguments = JsonDocument.Parse(call.FunctionArguments);
        Assert.Equal(JsonValueKind.Object, arguments.RootElement.ValueKind);
    }

    public static TheoryData<long> Seeds => [.. Enumerable.Range(1, 8).Select(seed => (long)seed)];

    /// <summary>As Semantic Kernel sends it: no <c>additionalProperties</c>, which means no extra keys.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_forced_call_to_a_tool_without_additionalProperties_has_only_its_declared_keys(long seed)
    {
        var forecast = ChatTool.CreateFunctionTool(
            "get_forecast",
            "Weather forecast for a city",
            BinaryData.FromString("""{"type":"object","properties":{"city":{"enum":["Paris","Oslo","Lima"]},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["city","days"]}"""));
        var options = new ChatCompletionOptions { Tools = { forecast }, ToolChoice = ChatToolChoice.CreateFunctionChoice("get_forecast"), Temperature = 1f, Seed = seed };

        ChatCompletion completion = await Chat.CompleteChatAsync([new UserChatMessage("Weather in Oslo for 3 days?")], options);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        using var arguments = JsonDocument.Parse(Assert.Single(completion.ToolCalls).FunctionArguments);
        Assert.Equal(["city", "days"], arguments.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task A_named_tool_choice_calls_that_tool_with_arguments_from_its_schema()
    {
        var options = new ChatCompletionOptions { Tools = { Forecast, Stock }, ToolChoice = ChatToolChoice.CreateFunctionChoice("get_forecast"), Temperature = 1f, Seed = 9 };

        ChatCompletion completion = await Chat.CompleteChatAsync([new UserChatMessage("Forecast please")], options);

        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("get_forecast", call.FunctionName);
        using var arguments = JsonDocument.Parse(call.FunctionArguments);
        Assert.Contains(arguments.RootElement.GetProperty("city").GetString(), new[] { "Paris", "Oslo", "Lima" });
        Assert.InRange(arguments.RootElement.GetProperty("days").GetInt32(), 1, 7);
        Assert.Contains(arguments.RootElement.GetProperty("unit").GetString(), new[] { "c", "f" });
    }

    [Fact]
    public async Task A_tool_call_streams_as_a_tool_calls_delta()
    {
        var options = new ChatCompletionOptions { Tools = { Stock }, ToolChoice = ChatToolChoice.CreateFunctionChoice("get_quote"), Temperature = 0f };
        string? name = null;
        var arguments = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;

        await foreach (var update in Chat.CompleteChatStreamingAsync([new UserChatMessage("Quote?")], options))
        {
            foreach (var toolUpdate in update.ToolCallUpdates)
            {
                name ??= toolUpdate.FunctionName;
                arguments.Append(toolUpdate.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal("get_quote", name);
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        Assert.Contains(JsonDocument.Parse(arguments.ToString()).RootElement.GetProperty("ticker").GetString(), new[] { "AAPL", "MSFT" });
    }

    /// <summary>A note of at least 600 characters cannot fit in 30 tokens: the forced call is always cut short.</summary>
    private static readonly ChatTool Note = ChatTool.CreateFunctionTool(
        "save_note",
        "Save a note",
        BinaryData.FromString("""{"type":"object","properties":{"text":{"type":"string","minLength":600}},"required":["text"],"additionalProperties":false}"""));

    [Fact]
    public async Task A_forced_call_cut_by_max_tokens_is_a_call_with_the_arguments_so_far_as_openai_reports_it()
    {
        var options = new ChatCompletionOptions { Tools = { Note }, ToolChoice = ChatToolChoice.CreateRequiredChoice(), MaxOutputTokenCount = 30, Temperature = 1f, Seed = 5 };

        ChatCompletion completion = await Chat.CompleteChatAsync([new UserChatMessage("Write a long note")], options);

        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Empty(completion.Content);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("save_note", call.FunctionName);
        Assert.StartsWith("{\"text\":\"", call.FunctionArguments.ToString());
    }

    [Fact]
    public async Task A_streamed_forced_call_cut_by_max_tokens_streams_as_a_call_too()
    {
        var options = new ChatCompletionOptions { Tools = { Note }, ToolChoice = ChatToolChoice.CreateFunctionChoice("save_note"), MaxOutputTokenCount = 30, Temperature = 1f, Seed = 6 };
        var updates = new List<StreamingChatCompletionUpdate>();

        await foreach (var update in Chat.CompleteChatStreamingAsync([new UserChatMessage("Write a long note")], options))
        {
            updates.Add(update);
        }

        Assert.Equal("save_note", updates.SelectMany(u => u.ToolCallUpdates).Select(t => t.FunctionName).First(n => n is not null));
        Assert.StartsWith("{\"text\":\"", string.Concat(updates.SelectMany(u => u.ToolCallUpdates).Select(t => t.FunctionArgumentsUpdate?.ToString())));
        Assert.Equal(ChatFinishReason.Length, updates.Select(u => u.FinishReason).Last(f => f is not null));
        Assert.All(updates, u => Assert.All(u.ContentUpdate, part => Assert.Empty(part.Text)));
    }

    [Fact]
    public async Task A_tool_result_round_trips_into_the_next_turn()
    {
        var options = new ChatCompletionOptions { Tools = { Stock }, ToolChoice = ChatToolChoice.CreateFunctionChoice("get_quote"), Temperature = 0f };
        List<ChatMessage> conversation = [new UserChatMessage("What is Apple trading at?")];
        ChatCompletion call = await Chat.CompleteChatAsync(conversation, options);
        conversation.Add(new AssistantChatMessage(call));
        conversation.Add(new ToolChatMessage(call.ToolCalls[0].Id, """{"price": 187.2}"""));

        ChatCompletion answer = await Chat.CompleteChatAsync(conversation, new ChatCompletionOptions { Tools = { Stock }, ToolChoice = ChatToolChoice.CreateNoneChoice(), MaxOutputTokenCount = 8, Temperature = 0f });

        Assert.NotEqual(ChatFinishReason.ToolCalls, answer.FinishReason);
        Assert.False(string.IsNullOrEmpty(answer.Content[0].Text));
        Assert.True(answer.Usage.InputTokenCount > call.Usage.InputTokenCount, "the second prompt holds the call and its result");
    }
}
