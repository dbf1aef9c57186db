namespace LocalOpenAi.Cache;

/// <summary>Outcome of a cache write.</summary>
public enum CacheWriteStatus
{
    /// <summary>The value is stored until its TTL passes (or it is evicted).</summary>
    Stored,

    /// <summary>The value was not stored by design (larger than the store allows).</summary>
    Rejected,

    /// <summary>The store could not take the value (down, slow, garbage).</summary>
    Error,
}
