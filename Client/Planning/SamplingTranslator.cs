using System.Globalization;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Client.Planning;

/// <summary>Maps OpenAI and llama-server sampling fields onto the engine's <see cref="SamplingOptions"/>.</summary>
internal static class SamplingTranslator
{
    /// <param name="choice">Choices after the first get seed + choice, so <c>n</c> choices differ yet repeat.</param>
    public static SamplingOptions ToOptions(SamplingRequest request, int choice)
    {
        var defaults = new SamplingOptions();
        return new SamplingOptions(
            Temperature: request.Temperature ?? 1.0f,
            TopK: request.TopK ?? defaults.TopK,
            TopP: request.TopP ?? 1.0f,
            MinP: request.MinP ?? defaults.MinP,
            RepeatPenalty: request.RepeatPenalty ?? 1.0f,
            FrequencyPenalty: request.FrequencyPenalty ?? 0f,
            PresencePenalty: request.PresencePenalty ?? 0f,
            Seed: request.Seed is { } seed ? unchecked((uint)(seed + choice)) : null,
            // "5" and "05" name the same token: the last one wins instead of a duplicate-key failure.
            LogitBias: request.LogitBias?.Select(pair => (Token: int.Parse(pair.Key, CultureInfo.InvariantCulture), pair.Value))
                .GroupBy(pair => pair.Token).ToDictionary(group => group.Key, group => group.Last().Value),
            Grammar: request.Grammar);
    }
}
