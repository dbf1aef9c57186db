namespace LocalOpenAi.Engine.Generation;

/// <summary>One update of a running generation: new text, and at the end why it stopped and the usage.</summary>
/// <param name="Text">Text released since the previous chunk (may be empty).</param>
/// <param name="Logprobs">Per-token log-probabilities for the tokens behind <paramref name="Text"/>, when asked for.</param>
/// <param name="Finish">Set on the last chunk only.</param>
/// <param name="Usage">Set on the last chunk only.</param>
/// <param name="ForcedTokens">The tokens behind <paramref name="Text"/> when the grammar forced them in one run (jump-forward) instead of sampling them.</param>
public sealed record GenerationChunk(
    string Text,
    IReadOnlyList<TokenLogprob>? Logprobs = null,
    FinishReason? Finish = null,
    GenerationUsage? Usage = null,
    string? Error = null,
    IReadOnlyList<int>? ForcedTokens = null)
{
    public bool IsFinal => Finish is not null;
}
