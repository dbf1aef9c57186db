using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Chat messages being built from Anthropic turns. Anthropic merges consecutive turns of one role, and
/// several chat templates insist on alternation, so a message of the same role as the last one is merged into it.
/// </summary>
internal sealed class ChatTurns
{
    private readonly List<JsonObject> _messages = [];

    public static JsonObject Message(string role, string? content) => new() { ["role"] = role, ["content"] = content };

    public static JsonObject Assistant(string? content, JsonArray calls)
    {
        var message = Message("assistant", content);
        if (calls.Count > 0)
        {
            message["tool_calls"] = calls;
        }

        return message;
    }

    public void Add(JsonObject message)
    {
        var role = (string?)message["role"];
        if (role == "tool" || _messages.Count == 0 || (string?)_messages[^1]["role"] != role)
        {
            _messages.Add(message);
            return;
        }

        var last = _messages[^1];
        var content = new[] { (string?)last["content"], (string?)message["content"] }.OfType<string>().ToArray();
        last["content"] = content.Length == 0 ? null : string.Join(AnthropicRequestTranslator.BlockSeparator, content);
        if (message["tool_calls"] is not JsonArray calls)
        {
            return;
        }

        if (last["tool_calls"] is not JsonArray merged)
        {
            last["tool_calls"] = merged = [];
        }

        foreach (var call in calls)
        {
            merged.Add(call!.DeepClone());
        }
    }

    public JsonArray ToArray() => [.. _messages];
}
