using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>Lenient reads of chat-completions JSON the server or an upstream produced: a wrong type reads as absent.</summary>
internal static class ChatJson
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int Int(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && int.TryParse(value.ToJsonString(), out var number) ? number : 0;

    public static JsonObject? FirstChoice(JsonObject chat) =>
        chat["choices"] is JsonArray { Count: > 0 } choices ? choices[0] as JsonObject : null;

    /// <summary>Tool-call arguments as an Anthropic <c>input</c> object; arguments that are not a JSON object read as <c>{}</c>.</summary>
    public static JsonObject Arguments(string? arguments)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(arguments) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
