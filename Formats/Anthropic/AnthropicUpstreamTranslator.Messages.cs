using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicUpstreamTranslator
{
    private static void Conversation(JsonObject chat, JsonObject request, AnthropicFields fields)
    {
        var system = new List<string>();
        var turns = new AnthropicTurns();
        foreach (var (message, path) in fields.Array(chat, "messages", "", required: true) is { } messages ? fields.Objects(messages, "messages") : [])
        {
            var text = Text(message, path, fields);
            switch (fields.String(message, "role", path, required: true))
            {
                case null:
                    break;
                case "system" or "developer":
                    system.Add(text ?? "");
                    break;
                case "user":
                    turns.Add("user", TextBlocks(text));
                    break;
                case "assistant":
                    turns.Add("assistant", AssistantBlocks(message, text, path, fields));
                    break;
                case "tool" or "function":
                    turns.Add("user", [new JsonObject
                    {
                        ["type"] = "tool_result",
                        ["tool_use_id"] = fields.String(message, "tool_call_id", path, required: true),
                        ["content"] = text ?? "",
                    }]);
                    break;
                default:
                    fields.Fail(AnthropicFields.Path(path, "role"), "Input should be 'system', 'developer', 'user', 'assistant' or 'tool'");
                    break;
            }
        }

        if (system.Count > 0)
        {
            request["system"] = string.Join(AnthropicRequestTranslator.BlockSeparator, system);
        }

        request["messages"] = turns.ToArray();
    }

    /// <summary>A message's content: a string, or text parts joined as the chat types join them.</summary>
    private static string? Text(JsonObject message, string path, AnthropicFields fields)
    {
        var contentPath = AnthropicFields.Path(path, "content");
        switch (fields.Node(message, "content", path))
        {
            case null:
                return null;
            case JsonArray parts:
                var text = new List<string>();
                foreach (var (part, partPath) in fields.Objects(parts, contentPath))
                {
                    if (fields.String(part, "type", partPath, required: true) is { } type and not "text")
                    {
                        fields.Fail(AnthropicFields.Path(partPath, "type"), $"'{type}' parts cannot be forwarded to an Anthropic upstream");
                    }

                    text.Add(fields.String(part, "text", partPath) ?? "");
                }

                return string.Concat(text);
            case var content when ChatJson.Text(content) is { } plain:
                return plain;
            default:
                fields.Fail(contentPath, "Input should be a valid string or a list of text parts");
                return null;
        }
    }

    private static JsonArray TextBlocks(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [AnthropicResponseTranslator.TextBlock(text)];

    private static JsonArray AssistantBlocks(JsonObject message, string? text, string path, AnthropicFields fields)
    {
        var blocks = TextBlocks(text);
        if (fields.Array(message, "tool_calls", path) is not { } calls)
        {
            return blocks;
        }

        foreach (var (call, callPath) in fields.Objects(calls, AnthropicFields.Path(path, "tool_calls")))
        {
            var function = fields.Object(call, "function", callPath, required: true) ?? [];
            var functionPath = AnthropicFields.Path(callPath, "function");
            blocks.Add(AnthropicResponseTranslator.ToolUseBlock(
                fields.String(call, "id", callPath, required: true) ?? "",
                fields.String(function, "name", functionPath, required: true) ?? "",
                ChatJson.Arguments(fields.String(function, "arguments", functionPath))));
        }

        return blocks;
    }
}
