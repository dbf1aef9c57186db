using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Cache;

public sealed class SharedRedisConnectionsTests
{
    [Fact]
    public async Task The_same_configuration_gets_the_same_connection_and_another_password_another_one()
    {
        await using var connections = new SharedRedisConnections();

        var first = connections.Get(RedisConfiguration.Parse("127.0.0.1:6390"));
        var again = connections.Get(RedisConfiguration.Parse("127.0.0.1:6390"));
        var other = connections.Get(RedisConfiguration.Parse("127.0.0.1:6390,password=x"));

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    [Fact]
    public async Task The_cache_and_the_rate_limiter_of_one_server_share_one_connection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cache:Store"] = "redis",
            ["Cache:Redis"] = $"127.0.0.1:{LoopbackPort.Free()}",
            ["RateLimits:Store"] = "redis",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddResponseCaching(configuration).AddLocalOpenAiSecurity(configuration);
        await using var provider = services.BuildServiceProvider();

        var cache = provider.GetRequiredService<IResponseCacheStore>();
        var limits = provider.GetRequiredService<IRateLimitCounterStore>();
        var connections = provider.GetRequiredService<SharedRedisConnections>();

        Assert.IsType<RedisResponseCacheStore>(cache);
        Assert.Equal(1, connections.Count);
        Assert.IsType<FailoverRateLimitCounterStore>(limits);
    }
}
