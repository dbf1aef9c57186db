using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Security;

/// <summary>Per-caller limits (section <c>RateLimits</c>); a limit of 0 is off, and both are off by default.</summary>
/// <remarks>
/// The caller is the key's owner when keys are configured, else the client IP. Both limits count in a
/// fixed window of <see cref="Window"/> that starts with the caller's first request. Tokens are charged
/// after a response (prompt + completion, as the endpoint reports them through
/// <see cref="RateLimitUsage.ReportTokens"/>); a request is refused while the window's tokens have
/// reached the limit, so one request may overshoot it and the next ones wait for the window to end.
/// </remarks>
internal sealed class RateLimitOptions : ISelfValidatingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "RateLimits";

    /// <summary>Requests per window per caller; 0 for none.</summary>
    public int RequestLimit { get; set; }

    /// <summary>Prompt + completion tokens per window per caller; 0 for none.</summary>
    public long TokenLimit { get; set; }

    /// <summary>The window both limits count in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where counters live: <c>memory</c> (per replica) or <c>redis</c> (shared).</summary>
    public RateLimitStoreKind Store { get; set; } = RateLimitStoreKind.Memory;

    /// <summary>Redis (<c>host:port</c> or a configuration string) for the shared store; defaults to <c>Cache:Redis</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis counter key.</summary>
    public string KeyPrefix { get; set; } = "localopenai:rl:v1:";

    /// <summary>How long a Redis round trip may take before this request is limited locally.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether any limit is on.</summary>
    public bool Enabled => RequestLimit > 0 || TokenLimit > 0;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RequestLimit < 0)
        {
            errors.Add("RateLimits:RequestLimit must not be negative.");
        }

        if (TokenLimit < 0)
        {
            errors.Add("RateLimits:TokenLimit must not be negative.");
        }

        if (Window < TimeSpan.FromMilliseconds(100) || Window > TimeSpan.FromDays(1))
        {
            errors.Add("RateLimits:Window must be between 100 ms and one day.");
        }

        if (!Enum.IsDefined(Store))
        {
            errors.Add($"RateLimits:Store must be memory or redis, not '{Store}'.");
        }

        if (RedisTimeout <= TimeSpan.Zero)
        {
            errors.Add("RateLimits:RedisTimeout must be positive.");
        }

        if (Store == RateLimitStoreKind.Redis)
        {
            if (string.IsNullOrWhiteSpace(Redis))
            {
                errors.Add("RateLimits:Redis or Cache:Redis (host:port or a configuration string) is required when RateLimits:Store is redis.");
            }
            else if (RedisConfiguration.ErrorIn(Redis) is { } error)
            {
                errors.Add($"RateLimits:Redis: {error}");
            }
        }

        return errors;
    }
}
