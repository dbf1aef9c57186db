using LocalOpenAi.Engine.Sampling;

namespace LocalOpenAi.Engine.Generation;

/// <summary>A prompt, already tokenized, and how to continue it.</summary>
/// <param name="MaxTokens">Completion token limit; null means until the slot's context is full.</param>
/// <param name="StopSequences">Text that ends generation; it is not part of the output.</param>
/// <param name="IgnoreEndOfGeneration">Keep going past end-of-generation tokens (benchmarks).</param>
/// <param name="TopLogprobs">Null: no logprobs; 0 or more: logprobs with that many alternatives.</param>
public sealed record GenerationRequest(
    IReadOnlyList<int> PromptTokens,
    SamplingOptions Sampling,
    int? MaxTokens = null,
    IReadOnlyList<string>? StopSequences = null,
    bool IgnoreEndOfGeneration = false,
    int? TopLogprobs = null);
