using Anthropic;
using LocalOpenAi.Formats.Anthropic;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Formats.Anthropic;

/// <summary>
/// The official .NET Anthropic SDK (through its <see cref="IChatClient"/>) against the translators: what
/// the SDK sends must translate, and what the translators answer must read back as text, tool calls and usage.
/// </summary>
public sealed class AnthropicSdkWireTests
{
    private static readonly AIFunction Weather = AIFunctionFactory.Create((string city) => "18C", "get_weather", "The weather in a city now");

    [Fact]
    public async Task A_tool_call_and_its_result_make_the_round_through_the_sdk()
    {
        var handler = new TranslatingAnthropicHandler(
            CannedChatAnswer.ToolCall("toolu_local1", "get_weather", """{"city":""", """ "Paris"}"""),
            CannedChatAnswer.Text("It is ", "18C."));
        var chat = Client(handler);
        var options = new ChatOptions { Tools = [Weather] };
        List<ChatMessage> history = [new(ChatRole.System, "Be terse."), new(ChatRole.User, "Weather in Paris?")];

        var first = await chat.GetResponseAsync(history, options);
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "18C")]));
        var second = await chat.GetResponseAsync(history, options);

        Assert.Equal(["/v1/messages", "/v1/messages"], handler.Paths);
        Assert.Equal(("toolu_local1", "get_weather", "Paris"), (call.CallId, call.Name, call.Arguments!["city"]?.ToString()));
        Assert.Equal("It is 18C.", second.Text);
        Assert.Equal(7, second.Usage!.OutputTokenCount);
        var sent = handler.ChatRequests[0];
        WireJson.Equal("""[{"role":"system","content":"Be terse."},{"role":"user","content":"Weather in Paris?"}]""", sent["messages"]);
        Assert.Equal("get_weather", (string?)sent["tools"]![0]!["function"]!["name"]);
        Assert.Equal("string", (string?)sent["tools"]![0]!["function"]!["parameters"]!["properties"]!["city"]!["type"]);
        var followUp = handler.ChatRequests[1]["messages"]!.AsArray();
        WireJson.Equal("""{"role":"tool","tool_call_id":"toolu_local1","content":"18C"}""", followUp[^1]);
        Assert.Equal("toolu_local1", (string?)followUp[^2]!["tool_calls"]![0]!["id"]);
    }

    [Fact]
    public async Task A_streamed_answer_reads_back_as_text_then_a_tool_call()
    {
        var text = CannedChatAnswer.Text("Let me ", "check.");
        var call = CannedChatAnswer.ToolCall("toolu_local2", "get_weather", """{"city":"Rome"}""");
        var handler = new TranslatingAnthropicHandler(new CannedChatAnswer([.. text.Chunks.SkipLast(2), .. call.Chunks.Skip(1)]));

        var updates = await Client(handler).GetStreamingResponseAsync("Weather in Rome?", new ChatOptions { Tools = [Weather] }).ToListAsync();
        var response = updates.ToChatResponse();

        Assert.Equal(true, (bool?)handler.ChatRequests[0]["stream"]);
        Assert.Equal("Let me check.", response.Text);
        var functionCall = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("toolu_local2", "get_weather", "Rome"), (functionCall.CallId, functionCall.Name, functionCall.Arguments!["city"]?.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(7, response.Usage!.OutputTokenCount);
    }

    [Fact]
    public async Task Errors_reach_the_sdk_as_anthropic_errors_before_and_during_a_stream()
    {
        var overloaded = new AnthropicError(AnthropicErrorTypes.Overloaded, "The local model is busy");
        var handler = new TranslatingAnthropicHandler(
            new CannedChatAnswer([], Error: overloaded),
            new CannedChatAnswer(CannedChatAnswer.Text("partial").Chunks.Take(2).ToList(), StreamError: overloaded));
        var chat = Client(handler);

        var before = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync("hi"));
        var during = await Assert.ThrowsAnyAsync<Exception>(async () => await chat.GetStreamingResponseAsync("hi").ToListAsync());

        Assert.Contains("The local model is busy", before.ToString(), StringComparison.Ordinal);
        Assert.Contains("The local model is busy", during.ToString(), StringComparison.Ordinal);
    }

    private static IChatClient Client(TranslatingAnthropicHandler handler) =>
        new AnthropicClient { ApiKey = "test-key", BaseUrl = "http://127.0.0.1:9", HttpClient = new HttpClient(handler), MaxRetries = 0 }
            .AsIChatClient("claude-local", 256);
}
