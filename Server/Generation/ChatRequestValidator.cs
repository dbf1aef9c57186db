using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>What every chat request must satisfy, whichever API it came in through: messages, roles, sampling ranges.</summary>
internal static class ChatRequestValidator
{
    private static readonly HashSet<string> Roles = ["system", "developer", "user", "assistant", "tool", "ipython"];

    public static ErrorResult? Validate(ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            return OpenAiError.BadRequest("'messages' must be a non-empty array of messages.", "messages");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is null || !Roles.Contains(messages[i].Role ?? string.Empty))
            {
                return OpenAiError.BadRequest($"messages[{i}].role must be one of: {string.Join(", ", Roles)}.", $"messages[{i}].role");
            }
        }

        return SamplingRequestValidator.Validate(request, request.EffectiveMaxTokens) is { } problem
            ? OpenAiError.BadRequest(problem.Message, problem.Param)
            : null;
    }
}
