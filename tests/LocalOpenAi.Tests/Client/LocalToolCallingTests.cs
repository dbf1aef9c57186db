using System.Text.Json;
using LocalOpenAi.Client.Chat;
using LocalOpenAi.Tests.Support;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Client;

/// <summary>
/// Tools in-process: a required tool mode forces a well-formed call (by grammar), Microsoft.Extensions.AI's
/// function invocation runs the .NET function, and the result goes back through the chat template.
/// </summary>
[Collection(LocalClientCollection.Name)]
public sealed class LocalToolCallingTests(LocalClientFixture local)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_required_tool_is_invoked_by_function_invocation_and_its_result_sent_back()
    {
        var invoked = new List<long>();
        var lookup = AIFunctionFactory.Create((long id) => { invoked.Add(id); return $"order {id}: shipped"; }, "lookup_order", "Finds an order by id");
        var recorder = new RecordingChatClient(local.Chat);
        var chat = recorder.AsBuilder().UseFunctionInvocation(configure: invoker => invoker.MaximumIterationsPerRequest = 2).Build();

        var response = await chat.GetResponseAsync(
            "Where is order 7?", new ChatOptions { Tools = [lookup], ToolMode = ChatToolMode.RequireAny, Temperature = 1, Seed = 2, MaxOutputTokens = 96 });

        var id = Assert.Single(invoked);
        var call = response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().First();
        Assert.Equal("lookup_order", call.Name);
        Assert.Equal(id, ((JsonElement)call.Arguments!["id"]!).GetInt64());
        Assert.True(recorder.Requests.Count >= 2, "the result went back to the model");
        var sentBack = recorder.Requests[1].SelectMany(message => message.Contents).OfType<FunctionResultContent>().Single();
        Assert.Equal(call.CallId, sentBack.CallId);
        Assert.Equal($"order {id}: shipped", sentBack.Result?.ToString());
        Assert.True(response.Usage!.InputTokenCount > 0 && response.Usage.OutputTokenCount > 0);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_named_tool_mode_streams_one_call_of_that_tool_and_finishes_with_tool_calls()
    {
        var quote = AIFunctionFactory.Create((bool premarket) => premarket ? "101" : "100", "get_quote", "Stock quote");
        var other = AIFunctionFactory.Create((long id) => id, "lookup_order");
        var options = new ChatOptions { Tools = [other, quote], ToolMode = ChatToolMode.RequireSpecific("get_quote"), Temperature = 0, MaxOutputTokens = 128 };

        var updates = await local.Chat.GetStreamingResponseAsync("Quote?", options).ToListAsync();

        var call = Assert.Single(updates.SelectMany(update => update.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_quote", call.Name);
        Assert.IsType<bool>(((JsonElement)call.Arguments!["premarket"]!).GetBoolean());
        Assert.Equal(ChatFinishReason.ToolCalls, updates.ToChatResponse().FinishReason);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task A_required_call_cut_by_max_output_tokens_is_a_call_that_finished_for_length()
    {
        // A note of at least 600 characters cannot fit in 30 tokens.
        var note = AIFunctionFactory.CreateDeclaration(
            "save_note", "Save a note", JsonDocument.Parse("""{"type":"object","properties":{"text":{"type":"string","minLength":600}},"required":["text"]}""").RootElement);

        var response = await local.Chat.GetResponseAsync(
            "Write a long note", new ChatOptions { Tools = [note], ToolMode = ChatToolMode.RequireAny, Temperature = 1, Seed = 4, MaxOutputTokens = 30 });

        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal("save_note", call.Name);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public void A_call_and_its_result_are_rendered_into_the_prompt_by_the_chat_template()
    {
        List<ChatMessage> conversation =
        [
            new(ChatRole.User, "Where is order 7?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "lookup_order", new Dictionary<string, object?> { ["id"] = 7 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "order 7: shipped")]),
        ];

        var wire = MessageTranslator.ToWire(conversation);
        var prompt = local.Engine.Template.Render(wire, addGenerationPrompt: true);

        Assert.Equal(["user", "assistant", "tool"], wire.Select(message => message.Role));
        Assert.Equal("call_1", wire[2].ToolCallId);
        Assert.Contains("lookup_order", prompt);
        Assert.Contains("\"id\":7", prompt.Replace(" ", string.Empty));
        Assert.Contains("order 7: shipped", prompt);
    }

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task An_agent_framework_agent_runs_in_process_and_calls_its_tool()
    {
        var invoked = 0;
        var lookup = AIFunctionFactory.Create((long id) => { invoked++; return $"order {id}: shipped"; }, "lookup_order", "Finds an order by id");
        var agent = new ChatClientAgent(local.Chat, instructions: "You answer order questions.", name: "orders", tools: [lookup]);

        var response = await agent.RunAsync(
            "Where is order 7?",
            options: new ChatClientAgentRunOptions(new ChatOptions { ToolMode = ChatToolMode.RequireAny, Temperature = 1, Seed = 4, MaxOutputTokens = 96 }));

        Assert.True(invoked >= 1, "the agent's function-invoking client ran the tool: " + string.Join(" | ", response.Messages.Select(message => message.Text + string.Join(",", message.Contents.Select(content => content.GetType().Name)))) + $" finish {response.FinishReason}");
        Assert.Contains(response.Messages.SelectMany(message => message.Contents).OfType<FunctionResultContent>(), result => result.Result?.ToString()?.StartsWith("order ", StringComparison.Ordinal) == true);
        Assert.True(response.Usage!.InputTokenCount > 0 && response.Usage.OutputTokenCount > 0);
    }
}
