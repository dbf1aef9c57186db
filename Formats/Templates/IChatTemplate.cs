using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>Renders a conversation into the exact prompt text a model family was trained on.</summary>
public interface IChatTemplate
{
    /// <summary>A short name, e.g. <c>llama3.1</c>.</summary>
    string Name { get; }

    /// <summary>Renders the messages, including the begin-of-text token when the family writes one.</summary>
    /// <exception cref="ChatTemplateException">The conversation cannot be expressed in this format.</exception>
    string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt);
}
