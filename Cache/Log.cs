using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Cache;

internal static partial class Log
{
    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "Response cache unavailable ({Kind}): {Reason}; requests bypass the cache until Redis answers again")]
    public static partial void CacheStoreUnavailable(this ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Information, Message = "Redis keeps failing; the response cache skips it for {CoolDownSeconds:0.#} s before trying again")]
    public static partial void CacheStoreSkipped(this ILogger logger, double coolDownSeconds);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Response cache available again after {OutageMs:0} ms and {Errors} failed operations")]
    public static partial void CacheStoreRecovered(this ILogger logger, double outageMs, long errors);
}
