using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Front-end direction, streamed: the server's <c>chat.completion.chunk</c> payloads into Anthropic's event
/// sequence — <c>message_start</c>, <c>ping</c>, per block <c>content_block_start</c> / <c>_delta</c> /
/// <c>_stop</c>, then <c>message_delta</c> (stop reason, usage) and <c>message_stop</c>.
/// </summary>
/// <remarks>
/// One per response, fed in order from one thread. Block indices count every block the message opened.
/// A chat stream sends one tool call's argument fragments before the next call starts, so a tool block
/// closes when the next block opens; a late fragment still carries its own call's block index.
/// </remarks>
public sealed class AnthropicStreamTranslator(string model, string? messageId = null, int inputTokens = 0)
{
    /// <summary>Chat tool-call index to the Anthropic block index that carries it.</summary>
    private readonly Dictionary<int, int> _toolBlocks = [];
    private int _blocks;
    private int? _openBlock;
    private bool _openIsText;
    private bool _started;
    private string? _finishReason;
    private JsonObject? _usage;

    public IEnumerable<AnthropicSseEvent> OnChunk(JsonObject chatChunk)
    {
        var events = new List<AnthropicSseEvent>();
        Start(events, ChatJson.Text(chatChunk["id"]));
        if (chatChunk["usage"] is JsonObject usage)
        {
            _usage = usage;
        }

        var choice = ChatJson.FirstChoice(chatChunk);
        var delta = choice?["delta"] as JsonObject;
        if (ChatJson.Text(delta?["content"]) is { Length: > 0 } text)
        {
            if (_openBlock is null || !_openIsText)
            {
                Open(events, AnthropicResponseTranslator.TextBlock(""), isText: true);
            }

            events.Add(Delta(_openBlock!.Value, new JsonObject { ["type"] = "text_delta", ["text"] = text }));
        }

        if (delta?["tool_calls"] is JsonArray calls)
        {
            for (var i = 0; i < calls.Count; i++)
            {
                ToolCall(events, calls[i] as JsonObject, i);
            }
        }

        _finishReason = ChatJson.Text(choice?["finish_reason"]) ?? _finishReason;
        return events;
    }

    /// <summary>Closes the message; <paramref name="matchedStopSequence"/> is the stop string that ended it, when known.</summary>
    public IEnumerable<AnthropicSseEvent> Complete(string? matchedStopSequence = null)
    {
        var events = new List<AnthropicSseEvent>();
        Start(events, null);
        Close(events);
        var stopReason = AnthropicStopReasons.FromFinishReason(_finishReason, matchedStopSequence);
        events.Add(new("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject
            {
                ["stop_reason"] = stopReason,
                ["stop_sequence"] = stopReason == "stop_sequence" ? matchedStopSequence : null,
            },
            ["usage"] = _usage is null ? new JsonObject { ["output_tokens"] = 0 } : AnthropicUsage.FromChat(_usage),
        }));
        events.Add(new("message_stop", new JsonObject { ["type"] = "message_stop" }));
        return events;
    }

    private void ToolCall(List<AnthropicSseEvent> events, JsonObject? call, int position)
    {
        if (call is null)
        {
            return;
        }

        var index = call["index"] is JsonValue ? ChatJson.Int(call["index"]) : position;
        var function = call["function"] as JsonObject;
        if (!_toolBlocks.TryGetValue(index, out var block))
        {
            var id = ChatJson.Text(call["id"]) ?? AnthropicIds.NewToolUse();
            Open(events, AnthropicResponseTranslator.ToolUseBlock(id, ChatJson.Text(function?["name"]) ?? "", []), isText: false);
            block = _toolBlocks[index] = _openBlock!.Value;
        }

        if (ChatJson.Text(function?["arguments"]) is { Length: > 0 } arguments)
        {
            events.Add(Delta(block, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = arguments }));
        }
    }

    private void Start(List<AnthropicSseEvent> events, string? chatId)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        events.Add(new("message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = messageId ?? AnthropicIds.MessageFromChat(chatId),
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(),
                ["stop_reason"] = null,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject
                {
                    ["input_tokens"] = inputTokens,
                    ["cache_creation_input_tokens"] = 0,
                    ["cache_read_input_tokens"] = 0,
                    ["output_tokens"] = 0,
                },
            },
        }));
        events.Add(new("ping", new JsonObject { ["type"] = "ping" }));
    }

    private void Open(List<AnthropicSseEvent> events, JsonObject block, bool isText)
    {
        Close(events);
        _openBlock = _blocks++;
        _openIsText = isText;
        events.Add(new("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = _openBlock, ["content_block"] = block }));
    }

    private void Close(List<AnthropicSseEvent> events)
    {
        if (_openBlock is { } open)
        {
            events.Add(new("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = open }));
            _openBlock = null;
        }
    }

    private static AnthropicSseEvent Delta(int index, JsonObject delta) =>
        new("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });
}
