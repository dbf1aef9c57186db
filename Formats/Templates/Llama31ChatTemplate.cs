using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// The Llama 3.1 Instruct format, byte for byte as Meta's Jinja template renders it: a system
/// header with the knowledge and date lines always present, contents trimmed, each turn closed
/// by <c>&lt;|eot_id|&gt;</c>.
/// </summary>
public sealed class Llama31ChatTemplate : IChatTemplate
{
    /// <summary>The date the official template writes when none is given.</summary>
    public const string DefaultDate = "26 Jul 2024";

    public string Name => "llama3.1";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var prompt = new StringBuilder("<|begin_of_text|>");
        var rest = messages.AsEnumerable();
        var system = string.Empty;
        if (messages.Count > 0 && messages[0].Role == "system")
        {
            system = (messages[0].Content ?? string.Empty).Trim();
            rest = messages.Skip(1);
        }

        prompt.Append("<|start_header_id|>system<|end_header_id|>\n\n")
            .Append("Cutting Knowledge Date: December 2023\n")
            .Append("Today Date: ").Append(DefaultDate).Append("\n\n")
            .Append(system)
            .Append("<|eot_id|>");
        foreach (var message in rest)
        {
            if (message.ToolCalls is { Count: > 0 } || message.Role is "tool" or "ipython")
            {
                throw new ChatTemplateException("Tool calls and tool results are not supported by this build's Llama 3.1 template yet.");
            }

            prompt.Append("<|start_header_id|>").Append(message.Role).Append("<|end_header_id|>\n\n")
                .Append((message.Content ?? string.Empty).Trim())
                .Append("<|eot_id|>");
        }

        if (addGenerationPrompt)
        {
            prompt.Append("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }

        return prompt.ToString();
    }
}
