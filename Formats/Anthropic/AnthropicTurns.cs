using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Anthropic messages being built from chat messages. Anthropic wants user and assistant turns to
/// alternate and all tool results of a turn in one user message, so blocks of the same role as the
/// last message join it.
/// </summary>
internal sealed class AnthropicTurns
{
    private readonly List<(string Role, JsonArray Blocks)> _turns = [];

    public void Add(string role, JsonArray blocks)
    {
        if (_turns.Count > 0 && _turns[^1].Role == role)
        {
            foreach (var block in blocks.ToArray())
            {
                blocks.Remove(block);
                _turns[^1].Blocks.Add(block);
            }

            return;
        }

        _turns.Add((role, blocks));
    }

    /// <summary>The messages; one that is a single text block is sent as a plain string, as clients write it.</summary>
    public JsonArray ToArray()
    {
        var messages = new JsonArray();
        foreach (var (role, blocks) in _turns)
        {
            JsonNode content = blocks switch
            {
                [] => "",
                [JsonObject { Count: 2 } block] when ChatJson.Text(block["type"]) == "text" && ChatJson.Text(block["text"]) is { } text => text,
                _ => blocks,
            };
            messages.Add(new JsonObject { ["role"] = role, ["content"] = content });
        }

        return messages;
    }
}
