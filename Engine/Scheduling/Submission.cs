using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>The answer to a submit: a stream of chunks when accepted, otherwise the reason why not.</summary>
public sealed record Submission(SubmitStatus Status, IAsyncEnumerable<GenerationChunk>? Chunks, string? Error = null)
{
    public bool IsAccepted => Status == SubmitStatus.Accepted;
}
