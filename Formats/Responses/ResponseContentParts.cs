using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Message content and tool output: a string or text parts, normalised to Responses parts
/// (<c>input_text</c>, or <c>output_text</c> for the assistant) and turned into chat content.
/// </summary>
internal static class ResponseContentParts
{
    private static readonly HashSet<string> TextTypes = ["input_text", "output_text"];

    private static readonly HashSet<string> MediaTypes = ["input_image", "input_file", "input_audio"];

    public static JsonArray Text(string role, string text) => [Part(role, text)];

    public static ResponsesError? Read(JsonNode? content, string role, string path, out JsonArray? parts)
    {
        parts = null;
        switch (content?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return ResponsesError.Missing(path);
            case JsonValueKind.String:
                parts = Text(role, content.GetValue<string>());
                return null;
            case JsonValueKind.Array:
                return ReadParts(content.AsArray(), role, path, out parts);
            default:
                return ResponsesError.InvalidType(path, "a string or an array of content parts", content);
        }
    }

    public static ResponsesError? ReadToolOutput(JsonNode? output, string path, out JsonNode? normalised)
    {
        normalised = null;
        switch (output?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return ResponsesError.Missing(path);
            case JsonValueKind.String:
                normalised = output.DeepClone();
                return null;
            case JsonValueKind.Array:
                var error = ReadParts(output.AsArray(), "user", path, out var parts);
                normalised = parts;
                return error;
            default:
                return ResponsesError.InvalidType(path, "a string or an array of content parts", output);
        }
    }

    /// <summary>Chat content for normalised parts (or a tool output string): one text as a string, several as text parts.</summary>
    public static JsonNode ToChat(JsonNode content)
    {
        if (content is not JsonArray parts)
        {
            return content.DeepClone();
        }

        return parts.Count switch
        {
            0 => JsonValue.Create(string.Empty),
            1 => JsonValue.Create(TextOf(parts[0]!)),
            _ => new JsonArray(parts.Select(part => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = TextOf(part!) }).ToArray()),
        };
    }

    // A refusal the assistant gave earlier is replayed as what it said.
    private static string TextOf(JsonNode part) => (string?)part["text"] ?? (string)part["refusal"]!;

    private static ResponsesError? ReadParts(JsonArray array, string role, string path, out JsonArray? parts)
    {
        parts = null;
        var read = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            var partPath = JsonFields.Path(path, i);
            if (array[i] is not JsonObject part)
            {
                return ResponsesError.InvalidType(partPath, "an object", array[i]);
            }

            var fields = new FieldReader(part, partPath);
            var type = fields.String("type");
            if (type == "refusal" && role == "assistant")
            {
                var refusal = fields.RequiredString("refusal");
                if (fields.Error is not null)
                {
                    return fields.Error;
                }

                read.Add(new JsonObject { ["type"] = "refusal", ["refusal"] = refusal });
                continue;
            }

            var text = fields.String("text");
            if (fields.Error is not null)
            {
                return fields.Error;
            }

            if (type is null || !TextTypes.Contains(type))
            {
                return PartTypeError(JsonFields.Path(partPath, "type"), type);
            }

            if (text is null)
            {
                return ResponsesError.Missing(JsonFields.Path(partPath, "text"));
            }

            read.Add(Part(role, text));
        }

        parts = read;
        return null;
    }

    private static ResponsesError PartTypeError(string path, string? type) => type switch
    {
        null => ResponsesError.Missing(path),
        _ when MediaTypes.Contains(type) => ResponsesError.Unsupported(
            path, $"Content parts of type '{type}' are not supported by this server: its models read text only."),
        _ => ResponsesError.InvalidValue(
            path, $"Invalid value for '{path}': '{type}'; expected 'input_text' or 'output_text' ('refusal' in assistant messages)."),
    };

    private static JsonObject Part(string role, string text) => role == "assistant"
        ? new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }
        : new JsonObject { ["type"] = "input_text", ["text"] = text };
}
