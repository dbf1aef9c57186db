namespace LocalOpenAi.LoadGenerator;

/// <summary>What a server reported about one request's tokens; null where it said nothing.</summary>
/// <param name="CachedPromptTokens">OpenAI's <c>usage.prompt_tokens_details.cached_tokens</c>.</param>
/// <param name="PromptEvaluated">llama-server's <c>timings.prompt_n</c>: prompt tokens it computed.</param>
/// <param name="PromptReused">llama-server's <c>timings.cache_n</c>: prompt tokens it took from its cache.</param>
internal sealed record StreamUsage(int? CompletionTokens, int? PromptTokens, int? CachedPromptTokens, int? PromptEvaluated, int? PromptReused)
{
    public static StreamUsage None { get; } = new(null, null, null, null, null);

    /// <summary>Later reports win field by field (a final usage chunk follows the one with timings).</summary>
    public StreamUsage Merge(StreamUsage later) => new(
        later.CompletionTokens ?? CompletionTokens,
        later.PromptTokens ?? PromptTokens,
        later.CachedPromptTokens ?? CachedPromptTokens,
        later.PromptEvaluated ?? PromptEvaluated,
        later.PromptReused ?? PromptReused);
}
