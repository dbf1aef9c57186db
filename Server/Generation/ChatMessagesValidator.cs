using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary>
/// The shape checks JSON binding cannot make: <c>null</c> where a message, tool call, function or
/// tool must be, which the template would otherwise meet as a null reference (a 500).
/// </summary>
internal static class ChatMessagesValidator
{
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal) { "system", "developer", "user", "assistant", "tool", "ipython" };

    /// <summary>Roles whose message is nothing without content (an assistant turn may be tool calls alone).</summary>
    private static readonly HashSet<string> RolesNeedingContent = new(StringComparer.Ordinal) { "system", "developer", "user", "tool" };

    /// <summary>The first problem found as (message, param), or null when the conversation can be rendered.</summary>
    public static (string Message, string Param)? Validate(IReadOnlyList<ChatMessage?>? messages, IReadOnlyList<ChatTool?>? tools)
    {
        if (messages is not { Count: > 0 })
        {
            return ("'messages' must be a non-empty array of messages.", "messages");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message || !Roles.Contains(message.Role ?? string.Empty))
            {
                return ($"messages[{i}].role must be one of: {string.Join(", ", Roles)}.", $"messages[{i}].role");
            }

            if (message.Content is null && RolesNeedingContent.Contains(message.Role!))
            {
                return ($"messages[{i}].content is required for a '{message.Role}' message.", $"messages[{i}].content");
            }

            for (var j = 0; j < (message.ToolCalls?.Count ?? 0); j++)
            {
                if (message.ToolCalls![j]?.Function is not { Name.Length: > 0 })
                {
                    return ("A tool call must be {\"type\":\"function\",\"function\":{\"name\":...,\"arguments\":\"...\"}}.", $"messages[{i}].tool_calls[{j}].function");
                }
            }
        }

        for (var i = 0; i < (tools?.Count ?? 0); i++)
        {
            if (tools![i]?.Function is not { Name.Length: > 0 })
            {
                return ("Every tool must be {\"type\":\"function\",\"function\":{\"name\":...}}.", $"tools[{i}].function");
            }
        }

        return null;
    }
}
