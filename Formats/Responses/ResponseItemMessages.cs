using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Turns normalised Responses items into chat messages. Function calls join the assistant message
/// before them (or a content-less one), as a chat completion returns text and tool calls together,
/// so a replayed conversation renders as the turn that produced it.
/// </summary>
internal static class ResponseItemMessages
{
    /// <param name="items">The previous response's items followed by this request's input items.</param>
    /// <param name="inputStart">Where this request's input begins in <paramref name="items"/>, for error paths.</param>
    public static ResponsesError? Append(IReadOnlyList<JsonObject> items, int inputStart, JsonArray messages)
    {
        var callIds = new HashSet<string>(StringComparer.Ordinal);
        JsonObject? assistant = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            switch ((string?)item["type"])
            {
                case "function_call":
                    assistant ??= Add(messages, new JsonObject { ["role"] = "assistant", ["content"] = null });
                    ToolCalls(assistant).Add(ToolCall(item));
                    callIds.Add((string)item["call_id"]!);
                    break;
                case "function_call_output":
                    assistant = null;
                    var callId = (string)item["call_id"]!;
                    if (!callIds.Contains(callId))
                    {
                        var path = JsonFields.Path(i < inputStart ? "previous_response_id" : JsonFields.Path("input", i - inputStart), "call_id");
                        return ResponsesError.InvalidValue(path, $"No tool call found for function call output with call_id {callId}.");
                    }

                    Add(messages, new JsonObject
                    {
                        ["role"] = "tool",
                        ["tool_call_id"] = callId,
                        ["content"] = ResponseContentParts.ToChat(item["output"]!),
                    });
                    break;
                default:
                    var role = (string)item["role"]!;
                    var message = Add(messages, new JsonObject { ["role"] = role, ["content"] = ResponseContentParts.ToChat(item["content"]!) });
                    assistant = role == "assistant" ? message : null;
                    break;
            }
        }

        return null;
    }

    private static JsonObject Add(JsonArray messages, JsonObject message)
    {
        messages.Add(message);
        return message;
    }

    private static JsonArray ToolCalls(JsonObject assistant)
    {
        if (assistant["tool_calls"] is JsonArray calls)
        {
            return calls;
        }

        calls = [];
        assistant["tool_calls"] = calls;
        return calls;
    }

    private static JsonObject ToolCall(JsonObject item) => new()
    {
        ["id"] = item["call_id"]!.DeepClone(),
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = item["name"]!.DeepClone(), ["arguments"] = item["arguments"]!.DeepClone() },
    };
}
