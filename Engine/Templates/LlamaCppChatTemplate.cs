using LocalOpenAi.Engine.Native;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Engine.Templates;

/// <summary>
/// The fallback for a GGUF template we do not recognise: llama.cpp's built-in renderer
/// (<c>llama_chat_apply_template</c>), which knows many families by their Jinja text but is not
/// a Jinja engine, adds no begin-of-text token, and cannot render tools.
/// </summary>
public sealed class LlamaCppChatTemplate(string jinja, string beginOfText) : IChatTemplate
{
    public string Name => "llama.cpp";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt) => Render(messages, null, addGenerationPrompt);

    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt)
    {
        if (tools is { Count: > 0 } || messages.Any(message => message.ToolCalls is { Count: > 0 }))
        {
            throw new ChatTemplateException("This model's chat template is not one LocalOpenAi knows, so tools cannot be rendered; configure a template name for the model.");
        }

        var rendered = NativeModel.ApplyChatTemplate(jinja, messages.Select(message => (message.Role, message.Content ?? string.Empty)).ToList(), addGenerationPrompt)
            ?? throw new ChatTemplateException("Neither LocalOpenAi nor llama.cpp knows this model's chat template; configure a template name for the model.");
        return beginOfText + rendered;
    }
}
