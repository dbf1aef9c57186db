using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

public static partial class AnthropicRequestTranslator
{
    /// <summary>Text blocks of one message, and merged messages, are joined with this.</summary>
    internal const string BlockSeparator = "\n";

    private static JsonArray Messages(JsonObject body, AnthropicFields fields)
    {
        var chat = new ChatTurns();
        if (fields.Node(body, "system", "") is { } system && Text(system, "system", fields) is { } systemText)
        {
            chat.Add(ChatTurns.Message("system", systemText));
        }

        if (fields.Array(body, "messages", "", required: true) is not { } messages)
        {
            return chat.ToArray();
        }

        foreach (var (message, path) in fields.Objects(messages, "messages"))
        {
            var role = fields.String(message, "role", path, required: true);
            var content = fields.Node(message, "content", path, required: true);
            var contentPath = AnthropicFields.Path(path, "content");
            switch (role)
            {
                case null:
                    break;
                case "user":
                    User(content, contentPath, chat, fields);
                    break;
                case "assistant":
                    Assistant(content, contentPath, chat, fields);
                    break;
                case "system":
                    chat.Add(ChatTurns.Message("system", content is null ? null : Text(content, contentPath, fields)));
                    break;
                default:
                    fields.Fail(AnthropicFields.Path(path, "role"), "Input should be 'user' or 'assistant'");
                    break;
            }
        }

        return chat.ToArray();
    }

    private static void User(JsonNode? content, string path, ChatTurns chat, AnthropicFields fields)
    {
        if (content is not JsonArray blocks)
        {
            chat.Add(ChatTurns.Message("user", content is null ? null : Text(content, path, fields)));
            return;
        }

        // Tool results answer the assistant's previous turn, so they go before the user's own text.
        var texts = new List<string>();
        foreach (var (block, blockPath) in fields.Objects(blocks, path))
        {
            switch (fields.String(block, "type", blockPath, required: true))
            {
                case null:
                    break;
                case "text":
                    texts.Add(fields.String(block, "text", blockPath, required: true) ?? "");
                    break;
                case "tool_result":
                    chat.Add(ToolResult(block, blockPath, fields));
                    break;
                case var type:
                    Unsupported(blockPath, type, fields);
                    break;
            }
        }

        if (texts.Count > 0 || blocks.Count == 0)
        {
            chat.Add(ChatTurns.Message("user", string.Join(BlockSeparator, texts)));
        }
    }

    private static void Assistant(JsonNode? content, string path, ChatTurns chat, AnthropicFields fields)
    {
        if (content is not JsonArray blocks)
        {
            chat.Add(ChatTurns.Message("assistant", content is null ? null : Text(content, path, fields)));
            return;
        }

        var texts = new List<string>();
        var calls = new JsonArray();
        foreach (var (block, blockPath) in fields.Objects(blocks, path))
        {
            switch (fields.String(block, "type", blockPath, required: true))
            {
                case null or "thinking" or "redacted_thinking":
                    break;
                case "text":
                    texts.Add(fields.String(block, "text", blockPath, required: true) ?? "");
                    break;
                case "tool_use":
                    calls.Add(ToolCall(block, blockPath, fields));
                    break;
                case var type:
                    Unsupported(blockPath, type, fields);
                    break;
            }
        }

        chat.Add(ChatTurns.Assistant(texts.Count > 0 ? string.Join(BlockSeparator, texts) : null, calls));
    }
}
