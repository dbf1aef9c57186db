using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>Front-end direction: the server's <c>chat.completion</c> into the Anthropic <c>message</c> a client expects.</summary>
public static class AnthropicResponseTranslator
{
    /// <summary>
    /// The message for a chat completion: text and <c>tool_use</c> blocks, the stop reason and the usage.
    /// <paramref name="matchedStopSequence"/> is the stop string that ended the answer, when the server knows it.
    /// </summary>
    public static JsonObject FromChat(JsonObject chatCompletion, string model, string? matchedStopSequence = null)
    {
        var choice = ChatJson.FirstChoice(chatCompletion);
        var message = choice?["message"] as JsonObject;
        var content = new JsonArray();
        if (ChatJson.Text(message?["content"]) is { Length: > 0 } text)
        {
            content.Add(TextBlock(text));
        }

        if (message?["tool_calls"] is JsonArray calls)
        {
            foreach (var call in calls.OfType<JsonObject>())
            {
                var function = call["function"] as JsonObject;
                content.Add(ToolUseBlock(
                    ChatJson.Text(call["id"]) ?? AnthropicIds.NewToolUse(),
                    ChatJson.Text(function?["name"]) ?? "",
                    ChatJson.Arguments(ChatJson.Text(function?["arguments"]))));
            }
        }

        var stopReason = AnthropicStopReasons.FromFinishReason(ChatJson.Text(choice?["finish_reason"]), matchedStopSequence);
        return new JsonObject
        {
            ["id"] = AnthropicIds.MessageFromChat(ChatJson.Text(chatCompletion["id"])),
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = model,
            ["content"] = content,
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = stopReason == "stop_sequence" ? matchedStopSequence : null,
            ["usage"] = AnthropicUsage.FromChat(chatCompletion["usage"] as JsonObject),
        };
    }

    /// <summary>The answer of <c>POST /v1/messages/count_tokens</c>.</summary>
    public static JsonObject TokenCount(int inputTokens) => new() { ["input_tokens"] = inputTokens };

    internal static JsonObject TextBlock(string text) => new() { ["type"] = "text", ["text"] = text };

    internal static JsonObject ToolUseBlock(string id, string name, JsonObject input) => new()
    {
        ["type"] = "tool_use",
        ["id"] = id,
        ["name"] = name,
        ["input"] = input,
    };
}
