using System.Text;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>
/// Plain ChatML (OpenHermes and friends): every message as
/// <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c>, no default system prompt, no tools.
/// </summary>
public sealed class ChatMlChatTemplate : ChatTemplate
{
    /// <inheritdoc />
    public override string Name => "chatml";

    /// <inheritdoc />
    public override string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        RejectTools(messages, tools);
        var prompt = new StringBuilder();
        foreach (var message in messages)
        {
            prompt.Append("<|im_start|>").Append(message.Role).Append('\n').Append(message.Content).Append("<|im_end|>\n");
        }

        if (addGenerationPrompt)
        {
            prompt.Append("<|im_start|>assistant\n");
        }

        return prompt.ToString();
    }
}
