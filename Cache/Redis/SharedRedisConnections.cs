using System.Collections.Concurrent;
using StackExchange.Redis;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One <see cref="RedisConnection"/> per distinct Redis configuration in this process, shared by the response cache and the rate limiter.</summary>
public sealed class SharedRedisConnections : IAsyncDisposable
{
    // Keyed by the full configuration string, password included: two callers share a connection only when they would open the same one.
    private readonly ConcurrentDictionary<string, Lazy<RedisConnection>> _connections = new(StringComparer.Ordinal);

    /// <summary>How many distinct connections have been handed out.</summary>
    public int Count => _connections.Count;

    /// <summary>The connection for <paramref name="options"/>, created on first request.</summary>
    public RedisConnection Get(ConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _connections.GetOrAdd(options.ToString(includePassword: true), _ => new Lazy<RedisConnection>(() => new RedisConnection(options))).Value;
    }

    /// <summary>Closes every connection handed out.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
        {
            await connection.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
