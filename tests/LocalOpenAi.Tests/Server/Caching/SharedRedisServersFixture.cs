using LocalOpenAi.Tests.Cache;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>One real redis-server and two server instances (same tiny model file, same alias) sharing it.</summary>
public sealed class SharedRedisServersFixture : IAsyncLifetime
{
    private RedisServerProcess? _redis;

    internal RedisServerProcess Redis => _redis!;

    public RedisBackedServer First { get; private set; } = null!;

    public RedisBackedServer Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync();
        First = new RedisBackedServer(_redis.Port);
        Second = new RedisBackedServer(_redis.Port);
        await Task.WhenAll(First.InitializeAsync(), Second.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Second?.DisposeAsync() ?? Task.CompletedTask, First?.DisposeAsync() ?? Task.CompletedTask);
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
