using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Cache.Redis;

/// <summary>A small RESP2 client: a pool of pipelined connections shared by any number of concurrent callers.</summary>
/// <remarks>
/// Thread-safe. Commands go round-robin over <see cref="RedisClientOptions.PoolSize"/> connections;
/// on each, requests are written in order and replies matched first-in first-out. A broken
/// connection fails its commands with <see cref="RedisException"/> at once and is rebuilt by a
/// later call, with exponential backoff and jitter while Redis stays unreachable.
/// </remarks>
public sealed partial class RedisClient : IAsyncDisposable
{
    private readonly RedisConnectionSlot[] _slots;
    private int _next;

    /// <summary>Creates a client; no connection is made until the first command.</summary>
    public RedisClient(RedisClientOptions options, ILogger<RedisClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
        var time = timeProvider ?? TimeProvider.System;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _slots = [.. Enumerable.Range(0, options.PoolSize).Select(_ => new RedisConnectionSlot(options, time, log))];
    }

    /// <summary>The options this client was created with.</summary>
    public RedisClientOptions Options { get; }

    /// <summary>Sends any command; an error reply comes back as a value (<see cref="RedisReply.IsError"/>).</summary>
    /// <exception cref="RedisException">No reply: connection failure, timeout or protocol error.</exception>
    public async Task<RedisReply> ExecuteAsync(IReadOnlyList<ReadOnlyMemory<byte>> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentOutOfRangeException.ThrowIfZero(args.Count);
        var slot = _slots[(uint)Interlocked.Increment(ref _next) % (uint)_slots.Length];
        var connection = await slot.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await connection.SendAsync(args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a command given as UTF-8 text arguments, e.g. <c>ExecuteAsync("LRANGE", "k", "0", "-1")</c>.</summary>
    /// <exception cref="RedisException">No reply: connection failure, timeout or protocol error.</exception>
    public Task<RedisReply> ExecuteAsync(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return ExecuteAsync(Encode(args), CancellationToken.None);
    }

    /// <summary>Closes every connection; in-flight commands fail with <see cref="RedisErrorKind.ConnectionLost"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots)
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ReadOnlyMemory<byte>[] Encode(IReadOnlyList<string> args)
    {
        var encoded = new ReadOnlyMemory<byte>[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            encoded[i] = Encoding.UTF8.GetBytes(args[i]);
        }

        return encoded;
    }
}
