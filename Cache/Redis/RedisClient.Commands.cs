using System.Globalization;
using System.Text;

namespace LocalOpenAi.Cache.Redis;

public sealed partial class RedisClient
{
    /// <summary><c>GET key</c>: the value, or null when the key does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync([Utf8("GET"), Utf8(key)], cancellationToken).ConfigureAwait(false);
        return Expect(reply, RedisReplyKind.BulkString, "GET").RawBytes;
    }

    /// <summary><c>SET key value [PX ms]</c>; a whole number of seconds is sent as <c>EX</c>.</summary>
    public async Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, CancellationToken cancellationToken = default)
    {
        ReadOnlyMemory<byte>[] args = expiry switch
        {
            null => [Utf8("SET"), Utf8(key), value],
            { } ttl when ttl <= TimeSpan.Zero => throw new ArgumentOutOfRangeException(nameof(expiry), ttl, "Expiry must be positive."),
            { } ttl when ttl.Ticks % TimeSpan.TicksPerSecond == 0 => [Utf8("SET"), Utf8(key), value, Utf8("EX"), Number((long)ttl.TotalSeconds)],
            { } ttl => [Utf8("SET"), Utf8(key), value, Utf8("PX"), Number((long)Math.Ceiling(ttl.TotalMilliseconds))],
        };
        var reply = await ExecuteAsync(args, cancellationToken).ConfigureAwait(false);
        Expect(reply, RedisReplyKind.SimpleString, "SET");
    }

    /// <summary><c>DEL key...</c>: how many keys were removed.</summary>
    public async Task<long> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        var args = new ReadOnlyMemory<byte>[keys.Count + 1];
        args[0] = Utf8("DEL");
        for (var i = 0; i < keys.Count; i++)
        {
            args[i + 1] = Utf8(keys[i]);
        }

        var reply = await ExecuteAsync(args, cancellationToken).ConfigureAwait(false);
        return Expect(reply, RedisReplyKind.Integer, "DEL").Integer;
    }

    /// <summary><c>PING</c>: the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = Environment.TickCount64;
        var reply = await ExecuteAsync([Utf8("PING")], cancellationToken).ConfigureAwait(false);
        Expect(reply, RedisReplyKind.SimpleString, "PING");
        return TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
    }

    /// <summary><c>INCRBY key delta</c>: the new value. Shared counters (rate limits) build on this.</summary>
    public async Task<long> IncrementByAsync(string key, long delta = 1, CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync([Utf8("INCRBY"), Utf8(key), Number(delta)], cancellationToken).ConfigureAwait(false);
        return Expect(reply, RedisReplyKind.Integer, "INCRBY").Integer;
    }

    /// <summary><c>PEXPIRE key ms</c>: false when the key does not exist.</summary>
    public async Task<bool> PExpireAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var ms = (long)Math.Ceiling(ttl.TotalMilliseconds);
        var reply = await ExecuteAsync([Utf8("PEXPIRE"), Utf8(key), Number(ms)], cancellationToken).ConfigureAwait(false);
        return Expect(reply, RedisReplyKind.Integer, "PEXPIRE").Integer == 1;
    }

    /// <summary><c>EVAL script numkeys keys... args...</c>: the script's reply (error replies throw).</summary>
    public async Task<RedisReply> EvalAsync(string script, IReadOnlyList<string> keys, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var command = new List<ReadOnlyMemory<byte>>(3 + keys.Count + args.Count) { Utf8("EVAL"), Utf8(script), Number(keys.Count) };
        command.AddRange(keys.Select(k => (ReadOnlyMemory<byte>)Utf8(k)));
        command.AddRange(args.Select(a => (ReadOnlyMemory<byte>)Utf8(a)));
        var reply = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        return reply.IsError ? throw new RedisException(RedisErrorKind.ServerError, $"EVAL: {reply.AsString()}") : reply;
    }

    private static RedisReply Expect(RedisReply reply, RedisReplyKind kind, string command)
    {
        if (reply.IsError)
        {
            throw new RedisException(RedisErrorKind.ServerError, $"{command}: {reply.AsString()}");
        }

        return reply.Kind == kind
            ? reply
            : throw new RedisException(RedisErrorKind.ProtocolError, $"{command}: expected {kind}, got {reply.Kind}");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Number(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
