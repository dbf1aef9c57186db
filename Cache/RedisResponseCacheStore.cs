using LocalOpenAi.Cache.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Cache;

/// <summary>A store in Redis, shared by every replica that points at the same server.</summary>
/// <remarks>
/// Keys are <see cref="KeyPrefix"/> + <see cref="ResponseCacheKey.Value"/> (e.g.
/// <c>localopenai:v1:ab12…</c>); expiry is Redis's own (<c>SET … PX</c>). Redis being down, slow
/// (past <see cref="CommandTimeout"/>) or answering garbage yields an error result, never an
/// exception; the first failure of an outage is logged as a warning and the recovery once, and
/// every failure is counted in <see cref="ErrorCount"/>. After a few failures in a row a stall breaker skips
/// Redis for a cool-down (a frozen Redis then costs requests nothing rather than a timeout each); then one call
/// probes it. Recovery is automatic: the multiplexer reconnects in the background.
/// </remarks>
public sealed class RedisResponseCacheStore : IResponseCacheStore
{
    /// <summary>The default key prefix.</summary>
    public const string DefaultKeyPrefix = "localopenai:";

    private readonly RedisConnection _connection;
    private readonly RedisStallBreaker _breaker;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private long _errorCount;
    private long _outageStartedAt;
    private long _errorsAtOutageStart;
    private int _inOutage;

    /// <summary>Creates a store over <paramref name="connection"/>, which the caller owns and disposes.</summary>
    public RedisResponseCacheStore(
        RedisConnection connection,
        string keyPrefix = DefaultKeyPrefix,
        ILogger<RedisResponseCacheStore>? logger = null,
        TimeProvider? timeProvider = null,
        RedisStallBreaker? breaker = null,
        TimeSpan? commandTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _connection = connection;
        KeyPrefix = keyPrefix;
        CommandTimeout = commandTimeout ?? DefaultCommandTimeout;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _breaker = breaker ?? new RedisStallBreaker(DefaultBreakerFailures, DefaultBreakerCoolDown, _timeProvider);
    }

    /// <summary>Consecutive failures that open the stall breaker.</summary>
    public const int DefaultBreakerFailures = 3;

    /// <summary>How long the stall breaker skips Redis before one call probes it again.</summary>
    public static readonly TimeSpan DefaultBreakerCoolDown = TimeSpan.FromSeconds(10);

    /// <summary>How long one read or write may wait for Redis by default.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one read or write waits for Redis before it counts as a failure.</summary>
    public TimeSpan CommandTimeout { get; }

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
            var value = await _connection.ExecuteAsync(db => db.StringGetAsync(RedisKeyOf(key)), CommandTimeout, cancellationToken).ConfigureAwait(false);
            OnSuccess();
            return value.IsNull ? CacheLookup.Miss : CacheLookup.Hit((byte[])value!);
        }
        catch (Exception ex) when (RedisFailure.KindOf(ex) is { } kind)
        {
            OnFailure(kind, ex);
            return CacheLookup.Failed($"{kind}: {ex.Message}");
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
            await _connection.ExecuteAsync(db => db.StringSetAsync(RedisKeyOf(key), value, ttl), CommandTimeout, cancellationToken).ConfigureAwait(false);
            OnSuccess();
            return CacheWriteStatus.Stored;
        }
        catch (Exception ex) when (RedisFailure.KindOf(ex) is { } kind)
        {
            OnFailure(kind, ex);
            return CacheWriteStatus.Error;
        }
    }

    private void OnFailure(RedisFailureKind kind, Exception ex)
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
            _logger.CacheStoreUnavailable(kind.ToString(), ex.Message);
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
