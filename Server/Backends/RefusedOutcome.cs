using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Backends;

/// <summary>The backend did not answer; <see cref="Error"/> is what the client gets unless a decorator falls back.</summary>
/// <param name="Reason">A short ASCII reason for <c>X-Route-Reason</c> (e.g. <c>upstream_timeout</c>), when the backend has one.</param>
internal sealed record RefusedOutcome(ErrorResult Error, string? Reason = null) : CompletionOutcome
{
    /// <summary>The status given to a client that left: nothing is written for it.</summary>
    public const int ClientClosedRequest = OpenAiError.ClientClosedRequest;

    public static RefusedOutcome ClientGone { get; } = new(OpenAiError.ClientGone);

    public int StatusCode => Error.StatusCode;

    /// <summary>A failure of the backend (not the client's mistake, not a client that left): another backend may answer.</summary>
    public bool IsBackendFailure => StatusCode is >= 500 or 429 && StatusCode != ClientClosedRequest;
}
