using LocalOpenAi.Cache.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Cache;

/// <summary>A store in Redis, shared by every replica that points at the same server.</summary>
/// <remarks>
/// Keys are <see cref="KeyPrefix"/> + <see cref="ResponseCacheKey.Value"/> (e.g.
/// <c>localopenai:v1:ab12…</c>); expiry is Redis's own (<c>SET … PX</c>). Redis being down, slow
/// (past the client's command timeout) or answering garbage yields an error result, never an
/// exception; the first failure of an outage is logged as a warning and the recovery once, and
/// every failure is counted in <see cref="ErrorCount"/>. After a few failures in a row a stall breaker skips
/// Redis for a cool-down (a frozen Redis then costs requests nothing rather than a timeout each); then one call
/// probes it. Recovery is automatic: the client reconnects with backoff on later calls.
/// </remarks>
public sealed class RedisResponseCacheStore : IResponseCacheStore
{
    /// <summary>The default key prefix.</summary>
    public const string DefaultKeyPrefix = "localopenai:";

    private readonly RedisClient _client;
    private readonly RedisStallBreaker _breaker;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _errorCount;
    private long _outageStartedAt;
    private long _errorsAtOutageStart;
    private int _inOutage;

    /// <summary>Creates a store over <paramref name="client"/>, which the caller owns and disposes.</summary>
    public RedisResponseCacheStore(
        RedisClient client,
        string keyPrefix = DefaultKeyPrefix,
        ILogger<RedisResponseCacheStore>? logger = null,
        TimeProvider? timeProvider = null,
        RedisStallBreaker? breaker = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _client = client;
        KeyPrefix = keyPrefix;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _breaker = breaker ?? new RedisStallBreaker(DefaultBreakerFailures, DefaultBreakerCoolDown, _timeProvider);
    }

    /// <summary>Consecutive failures that open the stall breaker.</summary>
    public const int DefaultBreakerFailures = 3;

    /// <summary>How long the stall breaker skips Redis before one call probes it again.</summary>
    public static readonly TimeSpan DefaultBreakerCoolDown = TimeSpan.FromSeconds(10);

    /// <summary>Whether Redis is being skipped (or probed) after repeated failures.</summary>
    public bool IsSkipping => _breaker.IsOpen;

    /// <summary>Prepended to every key.</summary>
    public string KeyPrefix { get; }

    /// <summary>Failed reads and writes since creation.</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>False from the first failure until the next successful operation.</summary>
    public bool IsAvailable => Volatile.Read(ref _inOutage) == 0;

    /// <summary>The Redis key used for <paramref name="key"/>.</summary>
    public string RedisKeyOf(ResponseCacheKey key) => KeyPrefix + key.Value;

    /// <inheritdoc />
    public async ValueTask<CacheLookup> TryGetAsync(ResponseCacheKey key, CancellationToken cancellationToken = default)
    {
        if (!_breaker.TryEnter())
        {
            Interlocked.Increment(ref _errorCount);
            return CacheLookup.Failed("Redis is skipped for a cool-down after repeated failures.");
        }

        try
        {
            var value = await _client.GetAsync(RedisKeyOf(key), cancellationToken).ConfigureAwait(false);
            OnSuccess();
            return value is null ? CacheLookup.Miss : CacheLookup.Hit(value);
        }
        catch (RedisException ex)
        {
            OnFailure(ex);
            return CacheLookup.Failed($"{ex.Kind}: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public async ValueTask<CacheWriteStatus> SetAsync(ResponseCacheKey key, ReadOnlyMemory<byte> value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        if (!_breaker.TryEnter())
        {
            Interlocked.Increment(ref _errorCount);
            return CacheWriteStatus.Error;
        }

        try
        {
            await _client.SetAsync(RedisKeyOf(key), value, ttl, cancellationToken).ConfigureAwait(false);
            OnSuccess();
            return CacheWriteStatus.Stored;
        }
        catch (RedisException ex)
        {
            OnFailure(ex);
            return CacheWriteStatus.Error;
        }
    }

    private void OnFailure(RedisException ex)
    {
        Interlocked.Increment(ref _errorCount);
        if (_breaker.Failed())
        {
            _logger.CacheStoreSkipped(_breaker.CoolDown.TotalSeconds);
        }

        if (Interlocked.CompareExchange(ref _inOutage, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _outageStartedAt, _timeProvider.GetTimestamp());
            Interlocked.Exchange(ref _errorsAtOutageStart, ErrorCount - 1);
            _logger.CacheStoreUnavailable(ex.Kind.ToString(), ex.Message);
        }
    }

    private void OnSuccess()
    {
        _breaker.Succeeded();
        if (Volatile.Read(ref _inOutage) == 1 && Interlocked.CompareExchange(ref _inOutage, 0, 1) == 1)
        {
            var outageMs = _timeProvider.GetElapsedTime(Interlocked.Read(ref _outageStartedAt)).TotalMilliseconds;
            var errors = ErrorCount - Interlocked.Read(ref _errorsAtOutageStart);
            _logger.CacheStoreRecovered(outageMs, errors);
        }
    }
}
