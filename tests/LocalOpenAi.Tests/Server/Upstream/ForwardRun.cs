using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Tests.Server.Upstream;

/// <summary>How one forwarded request ended, as <see cref="UpstreamTestBench.ForwardAsync"/> saw it.</summary>
internal sealed record ForwardRun(UpstreamError Error, int? StatusCode, int Attempts, TimeSpan? RetryAfter, int ClientStatus, string Reason, bool ResponseStarted)
{
    public bool Succeeded => Error == UpstreamError.None && StatusCode is >= 200 and < 300;

    public bool CanFallBack => !ResponseStarted && Error is not (UpstreamError.None or UpstreamError.ClientCancelled);
}
