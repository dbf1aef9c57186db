namespace LocalOpenAi.Server.Models.Pull;

/// <summary>What one download attempt left behind.</summary>
internal enum AttemptKind
{
    /// <summary>The partial file holds the whole body.</summary>
    Complete,

    /// <summary>A transient failure (dropped connection, stall, 5xx); the partial file is kept for a resume.</summary>
    Retry,

    /// <summary>A failure that retrying will not fix.</summary>
    Fatal,
}

/// <summary>One attempt's result: its kind, what the server promised, and (on failure) why.</summary>
internal sealed record AttemptOutcome(AttemptKind Kind, long? ExpectedSize = null, string? Sha256 = null, PullResult? Failure = null, string? Reason = null)
{
    public static AttemptOutcome Retry(string reason) => new(AttemptKind.Retry, Reason: reason);

    public static AttemptOutcome Fatal(PullStatus status, string message) => new(AttemptKind.Fatal, Failure: PullResult.Failure(status, message));
}
