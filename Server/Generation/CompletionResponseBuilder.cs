using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Generation;

/// <summary>Maps engine results onto the legacy completions shapes.</summary>
internal static class CompletionResponseBuilder
{
    public static CompletionResponse ToResponse(GenerationContext context, CollectedChoices collected, IReadOnlyList<string> echoed) => new()
    {
        Id = context.Id,
        Created = context.Created,
        Model = context.Model.Alias,
        SystemFingerprint = context.Model.Fingerprint,
        Choices = collected.Finals.Select((final, index) =>
        {
            var prefix = echoed.Count > 0 ? echoed[index] : string.Empty;
            return new CompletionChoice
            {
                Index = index,
                Text = prefix + collected.Texts[index],
                Logprobs = ToLogprobs(collected.Logprobs[index], prefix.Length),
                FinishReason = ChatResponseBuilder.FinishReasonName(final.Finish!.Value),
            };
        }).ToArray(),
        Usage = ChatResponseBuilder.ToUsage(context.PromptTokens, collected.CachedPromptTokens, collected.CompletionTokens),
    };

    /// <param name="textOffset">Characters before the first token (the echoed prompt, if any).</param>
    public static CompletionLogprobs? ToLogprobs(IReadOnlyList<TokenLogprob>? logprobs, int textOffset)
    {
        if (logprobs is null)
        {
            return null;
        }

        var offsets = new List<int>(logprobs.Count);
        foreach (var logprob in logprobs)
        {
            offsets.Add(textOffset);
            textOffset += logprob.Text.Length;
        }

        return new CompletionLogprobs
        {
            Tokens = logprobs.Select(logprob => logprob.Text).ToArray(),
            TokenLogprobs = logprobs.Select(logprob => logprob.Logprob).ToArray(),
            TopLogprobs = logprobs
                .Select(logprob => (IReadOnlyDictionary<string, float>)logprob.TopAlternatives
                    .GroupBy(alternative => alternative.Text)
                    .ToDictionary(group => group.Key, group => group.Max(alternative => alternative.Logprob)))
                .ToArray(),
            TextOffset = offsets,
        };
    }
}
