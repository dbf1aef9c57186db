using LocalOpenAi.Cache.Redis;
using StackExchange.Redis;

namespace LocalOpenAi.Server.Security;

/// <summary>Fixed-window counters in Redis, shared by every replica.</summary>
/// <remarks>
/// One <c>EVAL</c> per update: <c>INCRBY</c>, then <c>PEXPIRE</c> when the key has no TTL yet (a new
/// window), then the remaining TTL; atomic on the server, so replicas never double-start a window.
/// The connection is shared with the response cache and owned by whoever created it.
/// </remarks>
internal sealed class RedisRateLimitCounterStore(RedisConnection redis, string keyPrefix, TimeSpan timeout) : IRateLimitCounterStore
{
    private const string Script = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {count, ttl}
        """;

    /// <remarks>No answer in time, no connection or an error reply leave as exceptions that <see cref="RedisFailure.KindOf"/> sorts.</remarks>
    public async ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken)
    {
        var windowMs = Math.Max(1, (long)Math.Ceiling(window.TotalMilliseconds));
        var reply = await redis.ExecuteAsync(
            db => db.ScriptEvaluateAsync(Script, [keyPrefix + key], [amount, windowMs]),
            timeout,
            cancellationToken);
        if (reply.Resp2Type != ResultType.Array || (RedisResult[])reply! is not [{ Resp2Type: ResultType.Integer } count, { Resp2Type: ResultType.Integer } ttl])
        {
            throw new RedisException($"EVAL: unexpected reply {reply.Resp2Type}");
        }

        return new WindowCount((long)count, TimeSpan.FromMilliseconds(Math.Max(0, (long)ttl)));
    }
}
