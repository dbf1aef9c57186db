namespace LocalOpenAi.Cache;

/// <summary>Where cached responses live: in this process or shared by replicas.</summary>
/// <remarks>
/// Implementations are thread-safe and never throw for store failures: they answer
/// <see cref="CacheLookupStatus.Error"/> / <see cref="CacheWriteStatus.Error"/> so a broken cache
/// degrades to "no cache". Caller cancellation still surfaces as <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IResponseCacheStore
{
    /// <summary>Reads the value stored under <paramref name="key"/>.</summary>
    ValueTask<CacheLookup> TryGetAsync(ResponseCacheKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="ttl"/>, replacing any previous value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    ValueTask<CacheWriteStatus> SetAsync(ResponseCacheKey key, ReadOnlyMemory<byte> value, TimeSpan ttl, CancellationToken cancellationToken = default);
}
