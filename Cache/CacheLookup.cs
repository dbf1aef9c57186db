namespace LocalOpenAi.Cache;

/// <summary>Result of <see cref="IResponseCacheStore.TryGetAsync"/>.</summary>
/// <param name="Status">Hit, miss or error.</param>
/// <param name="Value">The stored bytes on a hit; empty otherwise. Do not mutate.</param>
/// <param name="Reason">Why the store failed, for an error; null otherwise. Contains no secrets.</param>
public readonly record struct CacheLookup(CacheLookupStatus Status, ReadOnlyMemory<byte> Value, string? Reason = null)
{
    /// <summary>The key was not found.</summary>
    public static CacheLookup Miss => new(CacheLookupStatus.Miss, ReadOnlyMemory<byte>.Empty);

    /// <summary>True for a hit.</summary>
    public bool IsHit => Status == CacheLookupStatus.Hit;

    /// <summary>A hit carrying <paramref name="value"/>.</summary>
    public static CacheLookup Hit(ReadOnlyMemory<byte> value) => new(CacheLookupStatus.Hit, value);

    /// <summary>The store failed.</summary>
    public static CacheLookup Failed(string reason) => new(CacheLookupStatus.Error, ReadOnlyMemory<byte>.Empty, reason);
}
