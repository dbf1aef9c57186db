namespace LocalOpenAi.Server.Feedback;

/// <summary>Feedback store log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Dropped a feedback record torn by a crash: {Bytes} bytes after the last complete line of {Path}")]
    public static partial void TornRecordDropped(ILogger logger, long bytes, string path);

    [LoggerMessage(2, LogLevel.Error, "The disk holding {Path} is full: feedback is refused with 507 until space is freed")]
    public static partial void DiskFull(ILogger logger, string path);
}
