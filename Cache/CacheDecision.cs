namespace LocalOpenAi.Cache;

/// <summary>Whether one request reads and writes the cache, and for how long an entry lives.</summary>
/// <param name="UseCache">True: look up, and store on a miss. False: <c>X-Cache: BYPASS</c>.</param>
/// <param name="Ttl">How long to keep the entry; zero when bypassing.</param>
/// <param name="Reason">Why the cache is bypassed; <see cref="CacheBypassReason.None"/> when used.</param>
public readonly record struct CacheDecision(bool UseCache, TimeSpan Ttl, CacheBypassReason Reason)
{
    /// <summary>Use the cache with <paramref name="ttl"/>.</summary>
    public static CacheDecision Use(TimeSpan ttl) => new(true, ttl, CacheBypassReason.None);

    /// <summary>Bypass the cache.</summary>
    public static CacheDecision Bypass(CacheBypassReason reason) => new(false, TimeSpan.Zero, reason);
}
