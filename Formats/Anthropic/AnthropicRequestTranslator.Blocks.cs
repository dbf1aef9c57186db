using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicRequestTranslator
{
    /// <summary>A string, or an array of text blocks joined into one string.</summary>
    private static string? Text(JsonNode content, string path, AnthropicFields fields)
    {
        if (content is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        if (content is not JsonArray blocks)
        {
            fields.Fail(path, "Input should be a valid string or a list of text blocks");
            return null;
        }

        var texts = new List<string>();
        foreach (var (block, blockPath) in fields.Objects(blocks, path))
        {
            var type = fields.String(block, "type", blockPath, required: true);
            if (type == "text")
            {
                texts.Add(fields.String(block, "text", blockPath, required: true) ?? "");
            }
            else if (type is not null)
            {
                Unsupported(blockPath, type, fields);
            }
        }

        return string.Join(BlockSeparator, texts);
    }

    private static JsonObject ToolResult(JsonObject block, string path, AnthropicFields fields)
    {
        var id = fields.String(block, "tool_use_id", path, required: true);
        var content = fields.Node(block, "content", path) is { } node ? Text(node, AnthropicFields.Path(path, "content"), fields) : "";
        if (fields.Boolean(block, "is_error", path) == true)
        {
            content = "Error: " + content;
        }

        return new JsonObject { ["role"] = "tool", ["tool_call_id"] = id, ["content"] = content };
    }

    private static JsonObject ToolCall(JsonObject block, string path, AnthropicFields fields) => new()
    {
        ["id"] = fields.String(block, "id", path, required: true),
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = fields.String(block, "name", path, required: true),
            ["arguments"] = fields.Object(block, "input", path, required: true)?.ToJsonString() ?? "{}",
        },
    };

    private static void Unsupported(string blockPath, string type, AnthropicFields fields) =>
        fields.Fail(AnthropicFields.Path(blockPath, "type"), type switch
        {
            "tool_use" => "'tool_use' blocks are only allowed in assistant messages",
            "tool_result" => "'tool_result' blocks are only allowed in user messages",
            _ => $"'{type}' content blocks are not supported by this server",
        });
}
