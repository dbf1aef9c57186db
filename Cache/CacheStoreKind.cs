namespace LocalOpenAi.Cache;

/// <summary>Which <see cref="IResponseCacheStore"/> holds the cache.</summary>
public enum CacheStoreKind
{
    /// <summary>In this process (<see cref="MemoryResponseCacheStore"/>).</summary>
    Memory,

    /// <summary>In Redis, shared by replicas (<see cref="RedisResponseCacheStore"/>).</summary>
    Redis,
}
