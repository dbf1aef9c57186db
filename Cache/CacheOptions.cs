using LocalOpenAi.Cache.Redis;
using StackExchange.Redis;

namespace LocalOpenAi.Cache;

/// <summary>Response cache settings, bound from the <c>Cache</c> configuration section.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Cache";

    /// <summary>Whether generation responses are cached at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where entries live.</summary>
    public CacheStoreKind Store { get; set; } = CacheStoreKind.Memory;

    /// <summary>
    /// Redis as <c>host:port</c> or a StackExchange.Redis configuration string
    /// (<c>host:port,password=…,ssl=true,abortConnect=false</c>); required when <see cref="Store"/> is Redis.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Redis ACL user; null for password-only AUTH (or the configuration string's <c>user=</c>).</summary>
    public string? Username { get; set; }

    /// <summary>Redis password; null for no AUTH (or the configuration string's <c>password=</c>). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Redis logical database; 0 keeps the configuration string's <c>defaultDatabase=</c>.</summary>
    public int Database { get; set; }

    /// <summary>Connect to Redis over TLS (as <c>ssl=true</c> in the configuration string).</summary>
    public bool UseTls { get; set; }

    /// <summary>Prefix of every Redis key; the key itself carries its own version.</summary>
    public string KeyPrefix { get; set; } = RedisResponseCacheStore.DefaultKeyPrefix;

    /// <summary>How long a Redis command may take before the cache counts as unavailable for it.</summary>
    public TimeSpan CommandTimeout { get; set; } = RedisResponseCacheStore.DefaultCommandTimeout;

    /// <summary>How long connecting to Redis may take; overrides the configuration string's <c>connectTimeout=</c>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Redis failures in a row after which the cache skips Redis for <see cref="BreakerCoolDown"/> (a frozen Redis then costs requests nothing).</summary>
    public int BreakerFailures { get; set; } = RedisResponseCacheStore.DefaultBreakerFailures;

    /// <summary>How long Redis is skipped once it keeps failing; then one call probes it.</summary>
    public TimeSpan BreakerCoolDown { get; set; } = RedisResponseCacheStore.DefaultBreakerCoolDown;

    /// <summary>TTL of an entry when the request asks for none.</summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on any TTL, requested or default.</summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most entries in the memory store.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>Most bytes in the memory store.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Also cache requests that are not deterministic (no seed and temperature ≠ 0).</summary>
    public bool CacheNonDeterministic { get; set; }

    /// <summary>Every problem with these options at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BreakerFailures < 1 || BreakerCoolDown <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:BreakerFailures must be at least 1 and {SectionName}:BreakerCoolDown positive.");
        }

        if (!Enum.IsDefined(Store))
        {
            errors.Add($"Cache:Store must be memory or redis, not '{Store}'.");
        }

        if (Store == CacheStoreKind.Redis)
        {
            if (string.IsNullOrWhiteSpace(Redis))
            {
                errors.Add("Cache:Redis (host:port or a configuration string) is required when Cache:Store is redis.");
            }
            else if (RedisConfiguration.ErrorIn(Redis) is { } error)
            {
                errors.Add($"Cache:Redis: {error}");
            }
        }

        if (Database is < 0 or > 15)
        {
            errors.Add("Cache:Database must be between 0 and 15.");
        }

        AddIfNotPositive(errors, DefaultTtl, "DefaultTtl");
        AddIfNotPositive(errors, MaxTtl, "MaxTtl");
        AddIfNotPositive(errors, CommandTimeout, "CommandTimeout");
        AddIfNotPositive(errors, ConnectTimeout, "ConnectTimeout");
        if (DefaultTtl > MaxTtl)
        {
            errors.Add($"Cache:DefaultTtl ({DefaultTtl}) must not exceed Cache:MaxTtl ({MaxTtl}).");
        }

        if (MaxEntries < 1)
        {
            errors.Add("Cache:MaxEntries must be at least 1.");
        }

        if (MaxBytes < 1024)
        {
            errors.Add("Cache:MaxBytes must be at least 1024.");
        }

        return errors;
    }

    /// <summary>
    /// The multiplexer settings for <paramref name="configuration"/> (default <see cref="Redis"/>), with this section's
    /// <see cref="Username"/>, <see cref="Password"/>, <see cref="Database"/> and <see cref="UseTls"/> laid over it
    /// where set, and its <see cref="ConnectTimeout"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No configuration is given and <see cref="Redis"/> is not set.</exception>
    /// <exception cref="FormatException">The configuration is not valid.</exception>
    public ConfigurationOptions ToRedisConfiguration(string? configuration = null)
    {
        var text = configuration ?? Redis;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException("Cache:Redis is not set.");
        }

        var options = RedisConfiguration.Parse(text);
        options.User = Username ?? options.User;
        options.Password = string.IsNullOrEmpty(Password) ? options.Password : Password;
        options.DefaultDatabase = Database == 0 ? options.DefaultDatabase : Database;
        options.Ssl |= UseTls;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        return options;
    }

    private static void AddIfNotPositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Cache:{name} must be positive.");
        }
    }
}
