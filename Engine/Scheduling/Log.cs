using LocalOpenAi.Engine.Native;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Engine.Scheduling;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Critical, "The decode loop stopped unexpectedly")]
    public static partial void SchedulerCrashed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "llama_decode failed with {Status} on a batch of {Tokens} tokens")]
    public static partial void DecodeFailed(ILogger logger, DecodeStatus status, int tokens);
}
