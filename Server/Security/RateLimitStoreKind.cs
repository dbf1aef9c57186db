namespace LocalOpenAi.Server.Security;

/// <summary>Where rate-limit counters live.</summary>
internal enum RateLimitStoreKind
{
    /// <summary>In this process: each replica limits on its own.</summary>
    Memory,

    /// <summary>In Redis, shared by every replica; local counters while Redis is unreachable.</summary>
    Redis,
}
