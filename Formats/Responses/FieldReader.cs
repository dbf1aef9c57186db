using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Typed reads of one object's fields. An absent or null field reads as null; the first field of
/// the wrong JSON type (or a missing required one) is kept in <see cref="Error"/>, and reads after
/// it return null.
/// </summary>
internal sealed class FieldReader(JsonObject target, string path)
{
    public ResponsesError? Error { get; private set; }

    public string PathOf(string key) => JsonFields.Path(path, key);

    public string? String(string key) => Read(key, "a string", node => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null);

    public string? RequiredString(string key)
    {
        var value = String(key);
        if (value is null && Error is null)
        {
            Error = ResponsesError.Missing(JsonFields.Path(path, key));
        }

        return value;
    }

    public bool? Bool(string key) => Read<bool?>(key, "a boolean", node => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    });

    /// <summary>A number, kept as the request wrote it so it is forwarded unchanged.</summary>
    public JsonNode? Number(string key) => Read(key, "a number", node => node.GetValueKind() == JsonValueKind.Number ? node.DeepClone() : null);

    public int? Integer(string key) => Read<int?>(
        key, "an integer", node => node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var number) ? number : null);

    public JsonObject? Object(string key) => Read(key, "an object", node => node as JsonObject);

    public JsonArray? Array(string key) => Read(key, "an array", node => node as JsonArray);

    private T? Read<T>(string key, string expected, Func<JsonNode, T?> convert)
    {
        var node = target[key];
        if (Error is not null || JsonFields.IsNull(node))
        {
            return default;
        }

        var value = convert(node!);
        if (value is null)
        {
            Error = ResponsesError.InvalidType(JsonFields.Path(path, key), expected, node);
        }

        return value;
    }
}
