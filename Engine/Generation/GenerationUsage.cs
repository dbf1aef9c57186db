namespace LocalOpenAi.Engine.Generation;

/// <summary>Token counts of one generation.</summary>
/// <param name="CachedPromptTokens">Prompt tokens reused from the KV cache instead of being computed.</param>
public sealed record GenerationUsage(int PromptTokens, int CachedPromptTokens, int CompletionTokens, TimeSpan TimeToFirstToken, TimeSpan Duration)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
