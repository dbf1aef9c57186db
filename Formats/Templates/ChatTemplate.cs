using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Templates;

/// <summary>The shared shape of our hand-written renderers: the tool-less overload forwards to the full one.</summary>
public abstract class ChatTemplate : IChatTemplate
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt) =>
        Render(messages, null, addGenerationPrompt);

    /// <inheritdoc />
    public abstract string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools, bool addGenerationPrompt);

    /// <summary>Jinja's <c>trim</c>: Python's <c>str.strip()</c> (whitespace at both ends).</summary>
    private protected static string Trim(string? text) => (text ?? string.Empty).Trim();

    private protected static bool HasTools(IReadOnlyList<ChatTool>? tools) => tools is { Count: > 0 };

    private protected static bool HasToolCalls(ChatMessage message) => message.ToolCalls is { Count: > 0 };

    private protected void RejectTools(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ChatTool>? tools)
    {
        if (HasTools(tools) || messages.Any(m => HasToolCalls(m) || m.Role is "tool" or "ipython"))
        {
            throw new ChatTemplateException($"The '{Name}' chat template does not support tools, tool calls or tool results.");
        }
    }

    /// <summary>Checks the user/assistant alternation that many official templates enforce.</summary>
    private protected static void RequireAlternation(IEnumerable<ChatMessage> messages)
    {
        var index = 0;
        foreach (var message in messages)
        {
            if ((message.Role == "user") != (index % 2 == 0))
            {
                throw new ChatTemplateException("Conversation roles must alternate user/assistant/user/assistant/...");
            }

            index++;
        }
    }
}
