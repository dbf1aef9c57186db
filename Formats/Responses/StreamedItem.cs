using System.Text;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>An output item being streamed: an assistant message or a function call, and what has arrived of it.</summary>
internal sealed class StreamedItem
{
    public required int OutputIndex { get; init; }

    public required string Id { get; init; }

    /// <summary>The function call's id; null for a message.</summary>
    public string? CallId { get; init; }

    /// <summary>For a message: whether its one content part is a refusal rather than text.</summary>
    public bool IsRefusal { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>The message text or the call's arguments so far.</summary>
    public StringBuilder Content { get; } = new();

    /// <summary>The final status once the item is done; null while it streams.</summary>
    public string? Status { get; set; }

    public bool IsMessage => CallId is null;

    public JsonObject ToItem(string status) => IsMessage
        ? ResponseObject.MessageItem(Id, status, Part())
        : ResponseObject.FunctionCallItem(Id, status, CallId!, Name, Content.ToString());

    /// <summary>The message's content part with what has arrived of it.</summary>
    public JsonObject Part() => ResponseObject.Part(IsRefusal, Content.ToString());

    /// <summary>The item as <c>response.output_item.added</c> announces it: in progress, empty.</summary>
    public JsonObject Added()
    {
        if (!IsMessage)
        {
            return ResponseObject.FunctionCallItem(Id, ResponseObject.InProgress, CallId!, Name, string.Empty);
        }

        var item = ResponseObject.MessageItem(Id, ResponseObject.InProgress, Part());
        item["content"] = new JsonArray();
        return item;
    }
}
