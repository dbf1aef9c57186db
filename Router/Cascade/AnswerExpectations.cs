using System.Text.Json;

namespace LocalOpenAi.Router.Cascade;

/// <summary>What a request asked of its answer's shape: JSON (against a schema, when one was given) or a tool call.</summary>
/// <param name="Json">The answer must be a JSON document (<c>response_format</c> <c>json_object</c> or <c>json_schema</c>).</param>
/// <param name="Schema">The schema the JSON must satisfy, when <c>json_schema</c> gave one.</param>
/// <param name="ToolCall">The answer must call a tool (<c>tool_choice</c> <c>required</c> or a named function).</param>
public sealed record AnswerExpectations(bool Json, JsonElement? Schema, bool ToolCall)
{
    public static AnswerExpectations None { get; } = new(false, null, false);

    /// <summary>Reads the expectations from a chat request's <c>response_format</c> and <c>tool_choice</c>.</summary>
    public static AnswerExpectations From(JsonElement? responseFormat, JsonElement? toolChoice)
    {
        var formatType = responseFormat is { ValueKind: JsonValueKind.Object } format && format.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
        JsonElement? schema = formatType == "json_schema" && responseFormat!.Value.TryGetProperty("json_schema", out var wrapper)
            && wrapper.ValueKind == JsonValueKind.Object && wrapper.TryGetProperty("schema", out var inner) && inner.ValueKind == JsonValueKind.Object
            ? inner.Clone()
            : null;
        var toolCall = toolChoice is { } choice
            && ((choice.ValueKind == JsonValueKind.String && choice.GetString() == "required") || choice.ValueKind == JsonValueKind.Object);
        return new AnswerExpectations(formatType is "json_object" or "json_schema", schema, toolCall);
    }
}
