using LocalOpenAi.Server.Backends;

namespace LocalOpenAi.Tests.Server.Backends;

/// <summary>A leaf that answers every call with the same outcome and counts its calls: a hand-written fake for decorator tests.</summary>
internal sealed class CannedBackend(Func<CompletionOutcome> answer) : ICompletionBackend
{
    public int Calls { get; private set; }

    public Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(answer());
    }
}
