namespace LocalOpenAi.Engine.Generation;

/// <summary>Token counts of one generation.</summary>
/// <param name="CachedPromptTokens">Prompt tokens reused from the KV cache instead of being computed.</param>
/// <param name="QueueWait">Time between submission and getting a slot.</param>
/// <param name="TimeToFirstToken">From submission to the first sampled token.</param>
/// <param name="Duration">From submission to the end.</param>
/// <param name="ForcedTokens">Completion tokens the grammar forced (jump-forward) instead of each taking a decode step.</param>
public sealed record GenerationUsage(int PromptTokens, int CachedPromptTokens, int CompletionTokens, TimeSpan QueueWait, TimeSpan TimeToFirstToken, TimeSpan Duration, int ForcedTokens = 0)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
