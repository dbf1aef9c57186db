using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Upstream direction, streamed: an Anthropic message stream, event by event, into <c>chat.completion.chunk</c>
/// payloads — the role delta, text deltas, <c>tool_calls</c> deltas (index, id and name, then argument
/// fragments), the finish chunk and, when <paramref name="includeUsage"/>, a usage chunk at the end.
/// </summary>
/// <remarks>One per stream, fed in order from one thread.</remarks>
public sealed class AnthropicToChatStream(string model, long created, bool includeUsage)
{
    /// <summary>Anthropic block index to the chat tool-call index it streams.</summary>
    private readonly Dictionary<int, int> _toolCalls = [];
    private string _id = AnthropicIds.ChatFromMessage(null);
    private JsonObject? _usage;

    public ChatStreamStep OnEvent(string eventName, JsonObject data)
    {
        switch (eventName)
        {
            case "message_start":
                var message = data["message"] as JsonObject;
                _id = AnthropicIds.ChatFromMessage(ChatJson.Text(message?["id"]));
                _usage = (message?["usage"] as JsonObject)?.DeepClone().AsObject();
                return One(new JsonObject { ["role"] = "assistant", ["content"] = "" });
            case "content_block_start":
                return BlockStart(ChatJson.Int(data["index"]), data["content_block"] as JsonObject);
            case "content_block_delta":
                return Delta(ChatJson.Int(data["index"]), data["delta"] as JsonObject);
            case "message_delta":
                MergeUsage(data["usage"] as JsonObject);
                return One(new JsonObject(), AnthropicStopReasons.ToFinishReason(ChatJson.Text((data["delta"] as JsonObject)?["stop_reason"])));
            case "message_stop" when includeUsage:
                return new ChatStreamStep([Chunk([], AnthropicUpstreamTranslator.ChatUsage(_usage))]);
            case "error":
                return new ChatStreamStep([], AnthropicError.FromEnvelope(data) ?? new AnthropicError(AnthropicErrorTypes.Api, "The upstream stream failed."));
            default:
                return ChatStreamStep.Nothing;
        }
    }

    /// <summary>Anthropic starts blocks empty; a block that starts with text or input (other servers may) passes it on.</summary>
    private ChatStreamStep BlockStart(int blockIndex, JsonObject? block)
    {
        switch (ChatJson.Text(block?["type"]))
        {
            case "text" when ChatJson.Text(block!["text"]) is { Length: > 0 } text:
                return One(new JsonObject { ["content"] = text });
            case "tool_use":
                var call = _toolCalls[blockIndex] = _toolCalls.Count;
                var input = block!["input"] is JsonObject { Count: > 0 } given ? given.ToJsonString() : "";
                return ToolCallDelta(call, AnthropicUpstreamTranslator.ChatToolCall(ChatJson.Text(block["id"]), ChatJson.Text(block["name"]), input));
            default:
                return ChatStreamStep.Nothing;
        }
    }

    private ChatStreamStep Delta(int blockIndex, JsonObject? delta)
    {
        switch (ChatJson.Text(delta?["type"]))
        {
            case "text_delta" when ChatJson.Text(delta?["text"]) is { Length: > 0 } text:
                return One(new JsonObject { ["content"] = text });
            case "input_json_delta" when ChatJson.Text(delta?["partial_json"]) is { Length: > 0 } json && _toolCalls.TryGetValue(blockIndex, out var call):
                return ToolCallDelta(call, new JsonObject { ["function"] = new JsonObject { ["arguments"] = json } });
            default:
                return ChatStreamStep.Nothing;
        }
    }

    /// <summary>Anthropic's <c>message_delta</c> usage is cumulative and may repeat or update the input counts.</summary>
    private void MergeUsage(JsonObject? usage)
    {
        if (usage is null)
        {
            return;
        }

        var merged = _usage ?? [];
        foreach (var (name, value) in usage)
        {
            if (value is not null)
            {
                merged[name] = value.DeepClone();
            }
        }

        _usage = merged;
    }

    private ChatStreamStep ToolCallDelta(int index, JsonObject call)
    {
        call.Insert(0, "index", index);
        return One(new JsonObject { ["tool_calls"] = new JsonArray(call) });
    }

    private ChatStreamStep One(JsonObject delta, string? finishReason = null) => new([Chunk(new JsonArray(new JsonObject
    {
        ["index"] = 0,
        ["delta"] = delta,
        ["logprobs"] = null,
        ["finish_reason"] = finishReason,
    }))]);

    private JsonObject Chunk(JsonArray choices, JsonObject? usage = null)
    {
        var chunk = new JsonObject
        {
            ["id"] = _id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["system_fingerprint"] = AnthropicUpstreamTranslator.SystemFingerprint,
            ["choices"] = choices,
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk;
    }
}
