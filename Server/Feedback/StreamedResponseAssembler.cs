using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Server.Feedback;

/// <summary>
/// Rebuilds the non-streaming response a stream stands for: chat chunks become <c>chat.completion</c>
/// (content, tool calls and finish reason per choice), completion chunks become <c>text_completion</c>.
/// </summary>
internal static class StreamedResponseAssembler
{
    /// <exception cref="JsonException">A payload is not JSON.</exception>
    public static JsonObject Assemble(IEnumerable<ReadOnlyMemory<byte>> payloads)
    {
        var response = new JsonObject();
        var choices = new SortedDictionary<int, ChoiceParts>();
        foreach (var payload in payloads)
        {
            if (JsonNode.Parse(payload.Span) is not JsonObject chunk)
            {
                continue;
            }

            CopyHeader(chunk, response);
            foreach (var choice in chunk["choices"] as JsonArray ?? [])
            {
                if (choice is JsonObject fields)
                {
                    var index = fields["index"]?.GetValue<int>() ?? 0;
                    (choices.TryGetValue(index, out var parts) ? parts : choices[index] = new ChoiceParts()).Add(fields);
                }
            }
        }

        var isChat = response["object"]?.GetValue<string>() == "chat.completion.chunk";
        response["object"] = isChat ? "chat.completion" : "text_completion";
        response["choices"] = new JsonArray([.. choices.Select(pair => pair.Value.ToChoice(pair.Key, isChat))]);
        return response;
    }

    private static void CopyHeader(JsonObject chunk, JsonObject response)
    {
        foreach (var name in (string[])["id", "object", "created", "model", "system_fingerprint", "usage"])
        {
            if (chunk[name] is { } value && value.GetValueKind() != JsonValueKind.Null)
            {
                response[name] = value.DeepClone();
            }
        }
    }

    private sealed class ChoiceParts
    {
        private readonly StringBuilder _content = new();
        private readonly SortedDictionary<int, JsonObject> _toolCalls = [];
        private JsonNode? _finishReason;

        public void Add(JsonObject choice)
        {
            _content.Append(choice["text"]?.GetValue<string>() ?? choice["delta"]?["content"]?.GetValue<string>());
            if (choice["finish_reason"] is { } reason && reason.GetValueKind() != JsonValueKind.Null)
            {
                _finishReason = reason.DeepClone();
            }

            foreach (var call in choice["delta"]?["tool_calls"] as JsonArray ?? [])
            {
                if (call is JsonObject delta)
                {
                    AddToolCall(delta);
                }
            }
        }

        public JsonObject ToChoice(int index, bool isChat)
        {
            var choice = new JsonObject { ["index"] = index };
            if (isChat)
            {
                var message = new JsonObject { ["role"] = "assistant", ["content"] = _toolCalls.Count > 0 && _content.Length == 0 ? null : _content.ToString() };
                if (_toolCalls.Count > 0)
                {
                    message["tool_calls"] = new JsonArray([.. _toolCalls.Values]);
                }

                choice["message"] = message;
            }
            else
            {
                choice["text"] = _content.ToString();
            }

            choice["finish_reason"] = _finishReason;
            return choice;
        }

        private void AddToolCall(JsonObject delta)
        {
            var index = delta["index"]?.GetValue<int>() ?? _toolCalls.Count;
            if (!_toolCalls.TryGetValue(index, out var call))
            {
                _toolCalls[index] = call = new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "", ["arguments"] = "" } };
            }

            if (delta["id"] is { } id)
            {
                call["id"] = id.DeepClone();
            }

            var function = call["function"]!.AsObject();
            foreach (var part in (string[])["name", "arguments"])
            {
                if (delta["function"]?[part]?.GetValue<string>() is { } text)
                {
                    function[part] = function[part]!.GetValue<string>() + text;
                }
            }
        }
    }
}
