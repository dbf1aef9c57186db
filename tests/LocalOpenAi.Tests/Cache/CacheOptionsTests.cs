using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

public sealed class CacheOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new CacheOptions().Validate());
    }

    [Fact]
    public void All_errors_are_listed_at_once()
    {
        var options = new CacheOptions
        {
            Store = CacheStoreKind.Redis,
            Redis = null,
            Database = 16,
            DefaultTtl = TimeSpan.FromHours(2),
            MaxTtl = TimeSpan.FromHours(1),
            MaxEntries = 0,
            MaxBytes = 10,
            CommandTimeout = TimeSpan.Zero,
        };

        var errors = options.Validate();

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.Contains("Cache:Redis", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("DefaultTtl", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_redis_endpoint_is_reported()
    {
        var errors = new CacheOptions { Store = CacheStoreKind.Redis, Redis = "host:notaport" }.Validate();

        Assert.Single(errors);
    }

    [Theory]
    [InlineData("cache.internal:6380", "cache.internal", 6380)]
    [InlineData("localhost", "localhost", 6379)]
    [InlineData("[::1]:7000", "::1", 7000)]
    [InlineData("::1", "::1", 6379)]
    public void Redis_endpoint_parses(string endpoint, string host, int port)
    {
        var options = new CacheOptions { Redis = endpoint, Password = "p", Database = 2, UseTls = true }.ToRedisClientOptions();

        Assert.Equal((host, port, "p", 2, true), (options.Host, options.Port, options.Password, options.Database, options.UseTls));
    }

    [Theory]
    [InlineData("host:0")]
    [InlineData(":6379")]
    [InlineData("[::1")]
    public void Bad_endpoints_throw(string endpoint)
    {
        Assert.Throws<FormatException>(() => RedisClientOptions.FromEndpoint(endpoint));
    }
}
