using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Zephyr / TinyLlama Chat: <c>&lt;|role|&gt;\ncontent&lt;/s&gt;\n</c> for system, user and
/// assistant messages, then <c>&lt;|assistant|&gt;\n</c> as the generation prompt.
/// </summary>
public sealed class ZephyrChatTemplate : ChatTemplate
{
    /// <inheritdoc />
    public override string Name => "zephyr";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        RejectTools(messages, tools);
        var prompt = new StringBuilder();
        foreach (var message in messages)
        {
            if (message.Role is "system" or "user" or "assistant")
            {
                prompt.Append("<|").Append(message.Role).Append("|>\n").Append(message.Content).Append("</s>\n");
            }
        }

        // The official template writes the prompt inside its loop, after the last message only.
        if (addGenerationPrompt && messages.Count > 0)
        {
            prompt.Append("<|assistant|>\n");
        }

        return prompt.ToString();
    }
}
