using LocalOpenAi.Cache.Redis;
using StackExchange.Redis;

namespace LocalOpenAi.Tests.Cache;

/// <summary>One real redis-server per test class, with a connection to it.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;

    public int Port => _server!.Port;

    public string Configuration => $"127.0.0.1:{Port}";

    public RedisConnection Connection { get; private set; } = null!;

    /// <summary>Runs a command on <see cref="Connection"/> to look at what the code under test left in Redis.</summary>
    public Task<T> RunAsync<T>(Func<IDatabaseAsync, Task<T>> command) => Connection.ExecuteAsync(command, TimeSpan.FromSeconds(10), CancellationToken.None);

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        Connection = RedisConnection.FromConfiguration(Configuration);

        // Connected here, so that a test's first command is not also the connection's first, which a loaded machine can make slower than a short command timeout.
        await RunAsync(db => db.PingAsync());
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
