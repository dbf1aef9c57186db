using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Cache.Redis;

/// <summary>One pool position: holds a live connection, or rebuilds it with exponential backoff and jitter.</summary>
/// <remarks>
/// Reconnection is lazy: the first call after a break starts a connect that concurrent callers
/// share. After a failed attempt, calls fail fast until the backoff delay has passed, so an outage
/// costs callers nothing but an exception, never a wait.
/// </remarks>
internal sealed class RedisConnectionSlot(RedisClientOptions options, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<RedisConnection>? _connection;
    private int _failures;
    private long _retryAfterTimestamp;
    private bool _disposed;

    public Task<RedisConnection> GetAsync()
    {
        RedisConnection? broken = null;
        Task<RedisConnection> task;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _connection;
            if (current is { IsCompletedSuccessfully: true } && current.Result.IsHealthy)
            {
                return current;
            }

            if (current is { IsCompleted: false })
            {
                return current;
            }

            if (current is { IsCompletedSuccessfully: true })
            {
                broken = current.Result;
            }

            if (_failures > 0 && timeProvider.GetTimestamp() < _retryAfterTimestamp)
            {
                var wait = TimeSpan.FromSeconds((double)(_retryAfterTimestamp - timeProvider.GetTimestamp()) / timeProvider.TimestampFrequency);
                throw new RedisException(
                    RedisErrorKind.ConnectionFailed,
                    $"Redis at {options.Host}:{options.Port} unavailable; next reconnect attempt in {wait.TotalMilliseconds:0} ms");
            }

            task = _connection = Task.Run(ConnectAsync);
        }

        if (broken is not null)
        {
            _ = broken.DisposeAsync().AsTask();
        }

        return task;
    }

    public async ValueTask DisposeAsync()
    {
        Task<RedisConnection>? current;
        lock (_gate)
        {
            _disposed = true;
            current = _connection;
            _connection = null;
        }

        if (current is not null)
        {
            try
            {
                await (await current.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Never connected: nothing to close.
            }
        }
    }

    private async Task<RedisConnection> ConnectAsync()
    {
        try
        {
            var connection = await RedisConnection.ConnectAsync(options, timeProvider).ConfigureAwait(false);
            lock (_gate)
            {
                _failures = 0;
            }

            logger.RedisConnected(options.Host, options.Port);
            return connection;
        }
        catch (RedisException ex)
        {
            TimeSpan delay;
            lock (_gate)
            {
                _failures++;
                delay = BackoffDelay(_failures);
                _retryAfterTimestamp = timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
            }

            logger.RedisConnectFailed(options.Host, options.Port, ex.Message, delay.TotalMilliseconds);
            throw;
        }
    }

    /// <summary>Base × 2^(n−1), capped, then scaled by a random factor in [0.5, 1) so replicas don't reconnect in lockstep.</summary>
    private TimeSpan BackoffDelay(int failures)
    {
        var exponential = options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(exponential, options.ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
