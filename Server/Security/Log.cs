namespace LocalOpenAi.Server.Security;

/// <summary>Security and rate-limit log messages. They name owners (tenants), never keys.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "No API key is configured: every endpoint is open, and /admin/* answers loopback clients only. Set --api-key (Security:ApiKeys, Security:ApiKeyFile) and --admin-key to require keys.")]
    public static partial void ServerIsOpen(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "API keys required for {KeyCount} keys of owners {Owners}")]
    public static partial void KeysLoaded(ILogger logger, int keyCount, string owners);

    [LoggerMessage(3, LogLevel.Information, "Refused {Path}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string path, string reason);

    [LoggerMessage(4, LogLevel.Information, "Refused {Path} to {Owner}: admin key required")]
    public static partial void AdminRefused(ILogger logger, string owner, string path);

    [LoggerMessage(5, LogLevel.Information, "Rate limited {Partition} on {Dimension}; retry after {RetryAfterSeconds}s")]
    public static partial void RateLimited(ILogger logger, string partition, string dimension, int retryAfterSeconds);

    [LoggerMessage(6, LogLevel.Warning, "Rate-limit store Redis is unavailable ({Reason}); limiting locally per replica until it is back")]
    public static partial void SharedStoreDown(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Information, "Rate-limit store Redis is back; limits are shared again")]
    public static partial void SharedStoreBack(ILogger logger);
}
