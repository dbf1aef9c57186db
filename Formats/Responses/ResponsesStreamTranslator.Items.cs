using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Tools;

namespace LocalOpenAi.Formats.Responses;

/// <summary>Opening, growing and closing output items.</summary>
public sealed partial class ResponsesStreamTranslator
{
    private void TextDelta(string text, bool refusal)
    {
        if (_open is not { IsMessage: true } open || open.IsRefusal != refusal)
        {
            Close(ResponseObject.Completed);
            Open(message: true, callId: null, name: string.Empty, refusal);
        }

        _open!.Content.Append(text);
        var delta = Position(_open, contentIndex: 0, "delta", text);
        if (!refusal)
        {
            delta["logprobs"] = new JsonArray();
        }

        Emit(refusal ? "response.refusal.delta" : "response.output_text.delta", delta);
    }

    private void ToolCallDelta(int index, JsonObject call)
    {
        if (!_calls.TryGetValue(index, out var item))
        {
            Close(ResponseObject.Completed);
            item = Open(message: false, (string?)call["id"] ?? ToolCallIds.New(), (string?)call["function"]?["name"] ?? string.Empty);
            _calls[index] = item;
        }

        var fragment = (string?)call["function"]?["arguments"];
        if (string.IsNullOrEmpty(fragment))
        {
            return;
        }

        item.Content.Append(fragment);
        if (item.Status is null)
        {
            Emit("response.function_call_arguments.delta", Position(item, contentIndex: null, "delta", fragment));
        }
    }

    private StreamedItem Open(bool message, string? callId, string name, bool refusal = false)
    {
        var type = message ? "message" : "function_call";
        var item = new StreamedItem
        {
            OutputIndex = _items.Count,
            Id = ResponseItemIds.Output(context.Id, type, _items.Count),
            CallId = callId,
            Name = name,
            IsRefusal = refusal,
        };
        _items.Add(item);
        _open = item;
        Emit("response.output_item.added", new JsonObject { ["output_index"] = item.OutputIndex, ["item"] = item.Added() });
        if (message)
        {
            Emit("response.content_part.added", Position(item, contentIndex: 0, "part", item.Part()));
        }

        return item;
    }

    private void Close(string status)
    {
        if (_open is not { } item)
        {
            return;
        }

        _open = null;
        item.Status = status;
        var content = item.Content.ToString();
        if (item.IsRefusal)
        {
            Emit("response.refusal.done", Position(item, contentIndex: 0, "refusal", content));
            Emit("response.content_part.done", Position(item, contentIndex: 0, "part", item.Part()));
        }
        else if (item.IsMessage)
        {
            var done = Position(item, contentIndex: 0, "text", content);
            done["logprobs"] = new JsonArray();
            Emit("response.output_text.done", done);
            Emit("response.content_part.done", Position(item, contentIndex: 0, "part", item.Part()));
        }
        else
        {
            var done = Position(item, contentIndex: null, "arguments", content);
            done["name"] = item.Name;
            Emit("response.function_call_arguments.done", done);
        }

        Emit("response.output_item.done", new JsonObject { ["output_index"] = item.OutputIndex, ["item"] = item.ToItem(status) });
    }

    private static JsonObject Position(StreamedItem item, int? contentIndex, string key, JsonNode value)
    {
        var fields = new JsonObject { ["item_id"] = item.Id, ["output_index"] = item.OutputIndex };
        if (contentIndex is { } index)
        {
            fields["content_index"] = index;
        }

        fields[key] = value;
        return fields;
    }
}
