using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// An Anthropic API error: its <see cref="Type"/> (see <see cref="AnthropicErrorTypes"/>), a message and,
/// for request validation, the path of the offending field (<c>messages.0.content.1.tool_use_id</c>).
/// </summary>
public sealed record AnthropicError(string Type, string Message, string? Field = null)
{
    /// <summary>A request error on <paramref name="field"/>, worded as Anthropic words them: <c>max_tokens: Field required</c>.</summary>
    public static AnthropicError InvalidField(string field, string problem) =>
        new(AnthropicErrorTypes.InvalidRequest, $"{field}: {problem}", field);

    /// <summary>The HTTP status this error is answered with.</summary>
    public int Status => AnthropicErrorTypes.StatusOf(Type);

    /// <summary>The envelope: <c>{"type":"error","error":{"type","message"}}</c>, with <c>request_id</c> when known.</summary>
    public JsonObject ToEnvelope(string? requestId = null)
    {
        var envelope = new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = Type, ["message"] = Message },
        };
        if (requestId is not null)
        {
            envelope["request_id"] = requestId;
        }

        return envelope;
    }

    /// <summary>Reads an Anthropic error envelope (a body or the data of an <c>error</c> event); null when it is not one.</summary>
    public static AnthropicError? FromEnvelope(JsonNode? envelope)
    {
        if (envelope is not JsonObject body || body["error"] is not JsonObject error
            || error["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeName))
        {
            return null;
        }

        var message = error["message"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : typeName;
        return new AnthropicError(typeName, message);
    }
}
