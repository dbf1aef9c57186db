namespace LocalOpenAi.Cache;

/// <summary>Why a request does not use the cache.</summary>
public enum CacheBypassReason
{
    /// <summary>It does use the cache.</summary>
    None,

    /// <summary>Caching is switched off.</summary>
    Disabled,

    /// <summary>The client sent <c>Cache-Control: no-cache</c> or <c>no-store</c>.</summary>
    NoCacheRequested,

    /// <summary>Sampling is random (no seed, temperature ≠ 0) and non-deterministic caching is off.</summary>
    NonDeterministic,

    /// <summary>The client asked for a TTL of zero.</summary>
    ZeroTtlRequested,
}
