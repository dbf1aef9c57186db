using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Server.Security;

/// <summary>
/// The shared store while it answers, local counters while it does not: a Redis outage degrades
/// limits to per replica instead of failing requests (fail open).
/// </summary>
/// <remarks>
/// Logs once when an outage starts and once when it ends; every fallen-back update is counted in
/// <c>localopenai_rate_limit_store_fallbacks_total</c>. While the multiplexer has no connection,
/// each update fails fast; a frozen Redis costs an update <c>RateLimits:RedisTimeout</c> only until
/// <paramref name="breaker"/> opens, then updates count locally without asking Redis until it lets one probe.
/// </remarks>
internal sealed class FailoverRateLimitCounterStore(
    IRateLimitCounterStore shared,
    IRateLimitCounterStore local,
    RedisStallBreaker breaker,
    RateLimitStoreMetrics metrics,
    ILogger<FailoverRateLimitCounterStore> logger) : IRateLimitCounterStore
{
    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    public async ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken)
    {
        if (!breaker.TryEnter())
        {
            metrics.RecordFallback();
            return await local.AddAsync(key, amount, window, cancellationToken);
        }

        try
        {
            var count = await shared.AddAsync(key, amount, window, cancellationToken);
            breaker.Succeeded();
            if (Interlocked.Exchange(ref _down, 0) == 1)
            {
                Log.SharedStoreBack(logger);
            }

            return count;
        }
        catch (Exception ex) when (RedisFailure.KindOf(ex) is { } kind)
        {
            breaker.Failed();
            if (Interlocked.Exchange(ref _down, 1) == 0)
            {
                Log.SharedStoreDown(logger, kind.ToString());
            }

            metrics.RecordFallback();
            return await local.AddAsync(key, amount, window, cancellationToken);
        }
    }
}
