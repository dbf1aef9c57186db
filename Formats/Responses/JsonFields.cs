using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>Field paths as OpenAI writes them in <c>param</c> (<c>input[0].content</c>), JSON kinds in words, optional fields set.</summary>
internal static class JsonFields
{
    public static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Path(string parent, int index) => $"{parent}[{index}]";

    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    public static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>Sets a field; null, so that a translation step can end with it.</summary>
    public static ResponsesError? Set(JsonObject target, string key, JsonNode value)
    {
        target[key] = value;
        return null;
    }

    public static void SetIfPresent(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
