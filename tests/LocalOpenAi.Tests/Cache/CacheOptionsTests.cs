using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using StackExchange.Redis;

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
    [InlineData("cache.internal:6380", "cache.internal:6380")]
    [InlineData("localhost", "localhost")]
    [InlineData("[::1]:7000", "[::1]:7000")]
    [InlineData("127.0.0.1:6380,abortConnect=true", "127.0.0.1:6380")]
    public void Redis_endpoint_parses_and_the_section_keys_apply(string endpoint, string expected)
    {
        var options = new CacheOptions { Redis = endpoint, Password = "p", Database = 2, UseTls = true }.ToRedisConfiguration();

        Assert.Equal(expected, EndPointCollection.ToString(options.EndPoints.Single()));
        Assert.Equal(("p", 2, true, false), (options.Password, options.DefaultDatabase, options.Ssl, options.AbortOnConnectFail));
    }

    [Fact]
    public void A_full_configuration_string_is_taken_as_written_where_the_section_keys_are_unset()
    {
        var options = new CacheOptions { Redis = "a.example:6380,b.example:6381,user=u,password=pw,ssl=true,sslHost=redis.example,defaultDatabase=4,serviceName=mymaster" }.ToRedisConfiguration();

        Assert.Equal(["a.example:6380", "b.example:6381"], options.EndPoints.Select(e => EndPointCollection.ToString(e)));
        Assert.Equal(("u", "pw", true, "redis.example", 4, "mymaster"), (options.User, options.Password, options.Ssl, options.SslHost, options.DefaultDatabase, options.ServiceName));
    }

    [Theory]
    [InlineData(":6379")]
    [InlineData("[::1")]
    [InlineData("host:6379,password=hunter2,nosuchoption=1")]
    public void Bad_configurations_are_reported_without_repeating_the_text(string configuration)
    {
        var errors = new CacheOptions { Store = CacheStoreKind.Redis, Redis = configuration }.Validate();

        Assert.Single(errors);
        Assert.DoesNotContain("hunter2", errors[0], StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RedisConfiguration.Parse(configuration));
    }
}
