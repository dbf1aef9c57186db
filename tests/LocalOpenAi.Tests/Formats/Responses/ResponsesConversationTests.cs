using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Responses;

namespace LocalOpenAi.Tests.Formats.Responses;

/// <summary>
/// A chain of follow-ups by <c>previous_response_id</c>: each turn's chat messages must extend the
/// previous turn's messages and answer exactly, or the KV cache cannot serve the shared prefix.
/// </summary>
public sealed class ResponsesConversationTests
{
    private List<JsonObject>? _previousItems;
    private JsonArray _previousMessages = [];
    private int _turn;

    [Fact]
    public void Five_follow_ups_each_extend_the_previous_prompt_and_answer()
    {
        Turn("""{"input":"What is 2+2?"}""", Text("4."));
        Turn("""{"input":"Look up the capital of France."}""", ToolCall("call_1", "lookup", "{\"q\":\"capital of France\"}"));
        Turn("""{"input":[{"type":"function_call_output","call_id":"call_1","output":"Paris"}]}""", Text("Paris."));
        Turn("""{"input":[{"role":"user","content":[{"type":"input_text","text":"And of Italy?"}]}]}""", Text("Rome."));
        Turn("""{"input":"Thanks!"}""", Text("You're welcome."));

        Assert.Equal(
            ["system", "user", "assistant", "user", "assistant", "tool", "assistant", "user", "assistant", "user", "assistant"],
            _previousMessages.Select(message => (string?)message!["role"]));
    }

    private void Turn(string inputJson, JsonObject answer)
    {
        _turn++;
        var body = JsonAssert.Parse(inputJson);
        body["model"] = "llama";
        body["instructions"] = "Be brief.";
        body["tools"] = new JsonArray(new JsonObject { ["type"] = "function", ["name"] = "lookup" });
        if (_turn > 1)
        {
            body["previous_response_id"] = $"resp_t{_turn - 1}";
        }

        var request = ResponsesRequestTranslator.ToChat(body, _previousItems).Request!;
        var messages = request.Chat["messages"]!.AsArray();
        Assert.True(
            JsonNode.DeepEquals(_previousMessages, new JsonArray([.. messages.Take(_previousMessages.Count).Select(message => message!.DeepClone())])),
            $"turn {_turn}: {messages.ToJsonString()}");

        var completion = new JsonObject
        {
            ["model"] = "llama",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = answer }),
        };
        var response = ResponsesResponseBuilder.FromChat(completion, ResponseContext.FromRequest($"resp_t{_turn}", _turn, body));
        _previousItems = [.. request.Conversation, .. ResponsesResponseBuilder.OutputItems(response)];
        _previousMessages = [.. messages.Select(message => message!.DeepClone()), answer.DeepClone()];
    }

    private static JsonObject Text(string text) => new() { ["role"] = "assistant", ["content"] = text };

    private static JsonObject ToolCall(string id, string name, string arguments) => new()
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
        }),
    };
}
