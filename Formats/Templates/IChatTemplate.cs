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

    /// <summary>
    /// Renders the messages with the tool definitions the model may call (null or empty: no tools),
    /// as the family's official template places them.
    /// </summary>
    /// <exception cref="ChatTemplateException">The conversation or the tools cannot be expressed in this format.</exception>
    string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt);
}
