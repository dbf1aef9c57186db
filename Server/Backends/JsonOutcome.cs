namespace LocalOpenAi.Server.Backends;

/// <summary>A whole JSON answer (<c>chat.completion</c> or <c>text_completion</c>), exactly the bytes to send.</summary>
internal sealed record JsonOutcome(byte[] Json) : CompletionOutcome
{
    /// <summary>The log-probability of every generated token of every choice, when the call measured them; otherwise empty.</summary>
    public IReadOnlyList<float> TokenLogprobs { get; init; } = [];
}
