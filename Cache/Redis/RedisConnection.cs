using StackExchange.Redis;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One StackExchange.Redis multiplexer, connected on first use, for every caller that talks to the same Redis.</summary>
/// <remarks>
/// Thread-safe. The first call waits for the first connection attempt (at most the connect timeout); a Redis that
/// is down then does not stop anything, and the multiplexer keeps reconnecting in the background. While no
/// connection is up, commands fail at once (<see cref="BacklogPolicy.FailFast"/>) instead of queueing. Should
/// creating the multiplexer itself fail (a Sentinel that names no primary), the next call tries again.
/// </remarks>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _options;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connect;

    /// <summary>Creates the connection; nothing is dialled until the first command.</summary>
    public RedisConnection(ConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.AbortOnConnectFail = false;
        _options.BacklogPolicy = BacklogPolicy.FailFast;

        // Failure messages end up in logs and cache results: the cause, without thread-pool statistics.
        _options.IncludeDetailInExceptions = false;
        _options.IncludePerformanceCountersInExceptions = false;
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
        var multiplexer = await ConnectOnceAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var pending = command(multiplexer.GetDatabase());
        try
        {
            return await pending.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // The multiplexer still ends the command later; observe its failure so it is not reported as unobserved.
            _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Closes the multiplexer if one was created.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connect;
        lock (_gate)
        {
            connect = _connect;
        }

        if (connect is not null && await connect.ContinueWith(static t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default).ConfigureAwait(false) is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<ConnectionMultiplexer> ConnectOnceAsync()
    {
        lock (_gate)
        {
            if (_connect is null || _connect.IsFaulted)
            {
                _connect = ConnectionMultiplexer.ConnectAsync(_options);
            }

            return _connect;
        }
    }
}
