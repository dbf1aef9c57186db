using StackExchange.Redis;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One StackExchange.Redis multiplexer, connected on first use, for every caller that talks to the same Redis.</summary>
/// <remarks>
/// Thread-safe. The first call waits for the first connection attempt (at most the connect timeout); a Redis that
/// is down then does not stop anything, and the multiplexer keeps reconnecting in the background. While no
/// connection is up, commands fail at once (<see cref="BacklogPolicy.FailFast"/>) instead of queueing.
/// </remarks>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    /// <summary>Creates the connection; nothing is dialled until the first command.</summary>
    public RedisConnection(ConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var own = options.Clone();
        own.AbortOnConnectFail = false;
        own.BacklogPolicy = BacklogPolicy.FailFast;

        // Failure messages end up in logs and cache results: the cause, without thread-pool statistics.
        own.IncludeDetailInExceptions = false;
        own.IncludePerformanceCountersInExceptions = false;
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(own));
    }

    /// <summary>A connection for <c>host:port</c> or a full configuration string (see <see cref="RedisConfiguration"/>).</summary>
    /// <exception cref="FormatException">The text is not a Redis configuration.</exception>
    public static RedisConnection FromConfiguration(string configuration) => new(RedisConfiguration.Parse(configuration));

    /// <summary>
    /// Runs <paramref name="command"/> against the default database and waits for it at most <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="RedisException">StackExchange.Redis failed the command; <see cref="RedisFailure.KindOf"/> says how.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> ExecuteAsync<T>(Func<IDatabaseAsync, Task<T>> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var multiplexer = await _multiplexer.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await command(multiplexer.GetDatabase()).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the multiplexer if it was ever created.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
