using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Turns the <c>chat.completion.chunk</c> payloads of one streamed chat completion into the
/// Responses event sequence, as OpenAI streams it: <c>response.created</c>, <c>response.in_progress</c>,
/// then per output item <c>output_item.added</c>, its deltas and <c>output_item.done</c>, and finally
/// <c>response.completed</c> (or <c>response.incomplete</c>, or <c>response.failed</c>).
/// </summary>
/// <remarks>
/// One instance per response, used from one thread. An item is done when the next one starts, as in
/// OpenAI's streams; argument fragments for a call that is already done still reach the final
/// response, though no event announces them.
/// </remarks>
public sealed partial class ResponsesStreamTranslator(ResponseContext context)
{
    private readonly List<StreamedItem> _items = [];
    private readonly Dictionary<int, StreamedItem> _calls = [];
    private readonly List<ResponsesSseEvent> _pending = [];
    private StreamedItem? _open;
    private JsonObject? _usage;
    private string? _finishReason;
    private string? _model;
    private int _sequence;

    /// <summary>The final Response object, once <see cref="Complete"/> or <see cref="Fail"/> has run: what the server stores.</summary>
    public JsonObject? Response { get; private set; }

    public IReadOnlyList<ResponsesSseEvent> Start()
    {
        Emit("response.created", new JsonObject { ["response"] = Snapshot(ResponseObject.InProgress) });
        Emit("response.in_progress", new JsonObject { ["response"] = Snapshot(ResponseObject.InProgress) });
        return Flush();
    }

    /// <summary>The events for one chunk; a chunk with only usage or only a finish reason yields none.</summary>
    public IReadOnlyList<ResponsesSseEvent> OnChunk(JsonObject chatChunk)
    {
        EnsureRunning();
        _model ??= (string?)chatChunk["model"];
        if (chatChunk["usage"] is JsonObject usage)
        {
            _usage = usage;
        }

        var choice = (chatChunk["choices"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(choice => (int?)choice["index"] is null or 0);
        if (choice is null)
        {
            return Flush();
        }

        if (choice["delta"]?["content"] is JsonValue content && content.TryGetValue<string>(out var text) && text.Length > 0)
        {
            TextDelta(text, refusal: false);
        }

        if (choice["delta"]?["refusal"] is JsonValue refused && refused.TryGetValue<string>(out var refusal) && refusal.Length > 0)
        {
            TextDelta(refusal, refusal: true);
        }

        if (choice["delta"]?["tool_calls"] is JsonArray toolCalls)
        {
            for (var position = 0; position < toolCalls.Count; position++)
            {
                if (toolCalls[position] is JsonObject call)
                {
                    ToolCallDelta((int?)call["index"] ?? position, call);
                }
            }
        }

        _finishReason = (string?)choice["finish_reason"] ?? _finishReason;
        return Flush();
    }

    /// <summary>Ends the response after the last chunk: closes the open item and sends the final response.</summary>
    public IReadOnlyList<ResponsesSseEvent> Complete()
    {
        EnsureRunning();
        var (status, incompleteReason) = ResponseObject.FromFinishReason(_finishReason);
        if (_items.Count == 0)
        {
            Open(message: true, callId: null, name: string.Empty);
        }

        Close(ResponsesResponseBuilder.ItemStatus(status));
        Response = ResponseObject.Create(context, _model, status, Output(), ResponseUsage.FromChat(_usage), incompleteReason);
        Emit(status == ResponseObject.Incomplete ? "response.incomplete" : "response.completed", new JsonObject { ["response"] = Response.DeepClone() });
        return Flush();
    }

    /// <summary>Ends the response with an error: <c>response.failed</c> carrying what was produced.</summary>
    public IReadOnlyList<ResponsesSseEvent> Fail(string message)
    {
        EnsureRunning();
        var error = new JsonObject { ["code"] = "server_error", ["message"] = message };
        Response = ResponseObject.Create(context, _model, ResponseObject.Failed, Output(), ResponseUsage.FromChat(_usage), error: error);
        Emit("response.failed", new JsonObject { ["response"] = Response.DeepClone() });
        return Flush();
    }

    private void EnsureRunning()
    {
        if (Response is not null)
        {
            throw new InvalidOperationException("The response has already ended.");
        }
    }

    private JsonObject Snapshot(string status) => ResponseObject.Create(context, _model, status, Output(), usage: null);

    private JsonArray Output() => new(_items.Select(item => (JsonNode)item.ToItem(item.Status ?? ResponseObject.Incomplete)).ToArray());

    private void Emit(string type, JsonObject fields)
    {
        var data = new JsonObject { ["type"] = type };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            data[key] = value;
        }

        data["sequence_number"] = _sequence++;
        _pending.Add(new ResponsesSseEvent(type, data));
    }

    private List<ResponsesSseEvent> Flush()
    {
        var events = _pending.ToList();
        _pending.Clear();
        return events;
    }
}
