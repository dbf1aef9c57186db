using LocalOpenAi.Engine.Native;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Engine.Scheduling;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Critical, "The decode loop stopped unexpectedly")]
    public static partial void SchedulerCrashed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "llama_decode failed with {Status} on a batch of {Tokens} tokens")]
    public static partial void DecodeFailed(ILogger logger, DecodeStatus status, int tokens);

    [LoggerMessage(3, LogLevel.Warning, "llama_decode found no KV slot for a batch with {PromptTokens} prompt tokens; retrying with at most {Limit}")]
    public static partial void NoKvSlotRetry(ILogger logger, int promptTokens, int limit);

    [LoggerMessage(4, LogLevel.Warning, "llama_decode found no KV slot; freed {Cells} cells that idle slots kept for reuse")]
    public static partial void NoKvSlotFreedIdle(ILogger logger, int cells);
}
