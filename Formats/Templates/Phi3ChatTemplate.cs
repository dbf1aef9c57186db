using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Phi-3 / Phi-3.5 Instruct as the official template writes it: <c>&lt;|role|&gt;\ncontent&lt;|end|&gt;\n</c>,
/// an empty system message left out, and <c>&lt;|endoftext|&gt;</c> at the end when no generation prompt is asked for.
/// </summary>
public sealed class Phi3ChatTemplate : ChatTemplate
{
    /// <inheritdoc />
    public override string Name => "phi3";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        RejectTools(messages, tools);
        var prompt = new StringBuilder();
        foreach (var message in messages)
        {
            var written = message.Role switch
            {
                "system" => !string.IsNullOrEmpty(message.Content),
                "user" or "assistant" => true,
                _ => false,
            };
            if (written)
            {
                prompt.Append("<|").Append(message.Role).Append("|>\n").Append(message.Content).Append("<|end|>\n");
            }
        }

        prompt.Append(addGenerationPrompt ? "<|assistant|>\n" : "<|endoftext|>");
        return prompt.ToString();
    }
}
