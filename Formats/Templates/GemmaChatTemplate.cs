using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Gemma 2/3 Instruct: <c>&lt;start_of_turn&gt;user|model\n...&lt;end_of_turn&gt;\n</c>, a system
/// message merged into the first user turn (Gemma 3's rule), assistant written as <c>model</c>,
/// contents trimmed, roles alternating.
/// </summary>
public sealed class GemmaChatTemplate : ChatTemplate
{
    /// <inheritdoc />
    public override string Name => "gemma";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        RejectTools(messages, tools);
        var prompt = new StringBuilder("<bos>");
        var prefix = string.Empty;
        var rest = messages.AsEnumerable();
        if (messages.Count > 0 && messages[0].Role == "system")
        {
            prefix = messages[0].Content + "\n\n";
            rest = messages.Skip(1);
        }

        var turns = rest.ToList();
        RequireAlternation(turns);
        for (var i = 0; i < turns.Count; i++)
        {
            var role = turns[i].Role == "assistant" ? "model" : turns[i].Role;
            prompt.Append("<start_of_turn>").Append(role).Append('\n')
                .Append(i == 0 ? prefix : string.Empty)
                .Append(Trim(turns[i].Content))
                .Append("<end_of_turn>\n");
        }

        if (addGenerationPrompt)
        {
            prompt.Append("<start_of_turn>model\n");
        }

        return prompt.ToString();
    }
}
