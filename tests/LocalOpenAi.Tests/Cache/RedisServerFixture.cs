using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

/// <summary>One real redis-server per test class, with a client connected to it.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;

    public int Port => _server!.Port;

    public RedisClient Client { get; private set; } = null!;

    public RedisClientOptions Options => new() { Host = "127.0.0.1", Port = Port };

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        Client = new RedisClient(Options);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
