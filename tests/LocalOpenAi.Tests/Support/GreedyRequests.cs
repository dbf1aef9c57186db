using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;

namespace LocalOpenAi.Tests.Support;

/// <summary>Deterministic requests that run to their token limit: the end of generation is ignored.</summary>
internal static class GreedyRequests
{
    public static GenerationRequest Greedy(int[] prompt, int maxTokens, int? topLogprobs = null) =>
        new(prompt, SamplingOptions.Greedy, MaxTokens: maxTokens, IgnoreEndOfGeneration: true, TopLogprobs: topLogprobs);
}
