using LocalOpenAi.Formats.Grammar;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary>Range checks OpenAI applies to the shared generation fields.</summary>
internal static class SamplingRequestValidator
{
    public const int MaxChoices = 16;
    public const int MaxStopSequences = 4;

    /// <summary>The first problem found as (message, param), or null when the request is acceptable; a raw grammar must pass <see cref="GbnfChecker"/>.</summary>
    public static (string Message, string Param)? Validate(SamplingRequest request, int? maxTokens)
    {
        if (request.Temperature is < 0 or > 2)
        {
            return ("'temperature' must be between 0 and 2.", "temperature");
        }

        if (request.TopP is < 0 or > 1)
        {
            return ("'top_p' must be between 0 and 1.", "top_p");
        }

        if (request.PresencePenalty is < -2 or > 2)
        {
            return ("'presence_penalty' must be between -2 and 2.", "presence_penalty");
        }

        if (request.FrequencyPenalty is < -2 or > 2)
        {
            return ("'frequency_penalty' must be between -2 and 2.", "frequency_penalty");
        }

        if (maxTokens is < 1)
        {
            return ("'max_tokens' must be at least 1.", "max_tokens");
        }

        if (request.N is < 1 or > MaxChoices)
        {
            return ($"'n' must be between 1 and {MaxChoices}.", "n");
        }

        if (request.TopLogprobs is < 0 or > 20)
        {
            return ("'top_logprobs' must be between 0 and 20.", "top_logprobs");
        }

        if (request.Stop is { Count: > MaxStopSequences })
        {
            return ($"'stop' accepts at most {MaxStopSequences} sequences.", "stop");
        }

        if (request.TopK is < 0 || request.MinP is < 0 or > 1 || request.RepeatPenalty is <= 0)
        {
            return ("'top_k' must be >= 0, 'min_p' between 0 and 1, and 'repeat_penalty' > 0.", "top_k");
        }

        if (request.LogitBias is { } bias && bias.Any(pair => !int.TryParse(pair.Key, out _) || pair.Value is < -100 or > 100))
        {
            return ("'logit_bias' maps token ids to values between -100 and 100.", "logit_bias");
        }

        return request.Grammar is { Length: > 0 } grammar && GbnfChecker.Check(grammar) is { IsSuccess: false } checkedGrammar
            ? (checkedGrammar.Error!, "grammar")
            : null;
    }
}
