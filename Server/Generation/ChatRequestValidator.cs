using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>What every chat request must satisfy, whichever API it came in through: messages, roles, sampling ranges.</summary>
internal static class ChatRequestValidator
{
    public static ErrorResult? Validate(ChatCompletionRequest request)
    {
        if (ChatMessagesValidator.Validate(request.Messages, request.Tools) is { } shape)
        {
            return OpenAiError.BadRequest(shape.Message, shape.Param);
        }

        return SamplingRequestValidator.Validate(request, request.EffectiveMaxTokens) is { } problem
            ? OpenAiError.BadRequest(problem.Message, problem.Param)
            : null;
    }
}
