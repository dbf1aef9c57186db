using System.Globalization;
using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Server.Security;

/// <summary>Fixed-window counters in Redis, shared by every replica.</summary>
/// <remarks>
/// One <c>EVAL</c> per update: <c>INCRBY</c>, then <c>PEXPIRE</c> when the key has no TTL yet (a new
/// window), then the remaining TTL; atomic on the server, so replicas never double-start a window.
/// Owns <paramref name="redis"/>.
/// </remarks>
internal sealed class RedisRateLimitCounterStore(RedisClient redis, string keyPrefix, TimeSpan timeout) : IRateLimitCounterStore, IAsyncDisposable
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

    /// <exception cref="RedisException">Redis did not answer (or answered with an error) in time.</exception>
    public async ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken)
    {
        var windowMs = Math.Max(1, (long)Math.Ceiling(window.TotalMilliseconds));
        string[] args = [amount.ToString(CultureInfo.InvariantCulture), windowMs.ToString(CultureInfo.InvariantCulture)];
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        RedisReply reply;
        try
        {
            reply = await redis.EvalAsync(Script, [keyPrefix + key], args, timeoutSource.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RedisException(RedisErrorKind.Timeout, "EVAL: no reply in time", ex);
        }

        if (reply.Elements is not [{ Kind: RedisReplyKind.Integer } count, { Kind: RedisReplyKind.Integer } ttl])
        {
            throw new RedisException(RedisErrorKind.ProtocolError, $"EVAL: unexpected reply {reply.Kind}");
        }

        return new WindowCount(count.Integer, TimeSpan.FromMilliseconds(Math.Max(0, ttl.Integer)));
    }

    public ValueTask DisposeAsync() => redis.DisposeAsync();
}
