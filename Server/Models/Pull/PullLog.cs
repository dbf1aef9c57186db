namespace LocalOpenAi.Server.Models.Pull;

/// <summary>Pull log messages. Addresses logged here never carry the token (it travels in a header).</summary>
internal static partial class PullLog
{
    [LoggerMessage(1, LogLevel.Information, "Using cached {Reference} at {Path}")]
    public static partial void UsingCached(ILogger logger, string reference, string path);

    [LoggerMessage(2, LogLevel.Information, "Downloading {File} from {Uri}")]
    public static partial void Downloading(ILogger logger, string file, Uri uri);

    [LoggerMessage(3, LogLevel.Information, "Resuming {File} from byte {Offset}")]
    public static partial void Resuming(ILogger logger, string file, long offset);

    [LoggerMessage(4, LogLevel.Warning, "The server ignored the range request for {File}; downloading it again from the start")]
    public static partial void RangeIgnored(ILogger logger, string file);

    [LoggerMessage(5, LogLevel.Warning, "Download attempt {Attempt} of {File} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, string file, string reason);

    [LoggerMessage(6, LogLevel.Information, "Verified {File} ({Bytes} bytes, sha256 {Sha256})")]
    public static partial void Verified(ILogger logger, string file, long bytes, string sha256);

    [LoggerMessage(7, LogLevel.Error, "Rejected {File}: {Reason}")]
    public static partial void Rejected(ILogger logger, string file, string reason);
}
