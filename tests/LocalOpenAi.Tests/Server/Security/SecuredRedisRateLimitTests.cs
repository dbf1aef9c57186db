using System.Net;
using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Tests.Cache;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Security;

/// <summary>Shared rate limits on a redis-server that wants a password, and one reached over TLS.</summary>
public sealed class SecuredRedisRateLimitTests
{
    private const string Password = "rl-s3cret-0b7d2a";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_replicas_with_the_password_key_share_the_limit()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        string[] settings = SecurityTestHost.WithKeys(
            "RateLimits:RequestLimit=2", "RateLimits:Window=00:00:30", "RateLimits:Store=redis",
            $"Cache:Redis=127.0.0.1:{server.Port}", $"Cache:Password={Password}");
        await using var first = await SecurityTestHost.StartAsync(settings);
        await using var second = await SecurityTestHost.StartAsync(settings);

        using var one = await first.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        using var two = await second.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        using var three = await first.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], [one.StatusCode, two.StatusCode, three.StatusCode]);
        Assert.DoesNotContain(first.Logs.Lines.Concat(second.Logs.Lines), line => line.Contains("unavailable"));
    }

    [Fact]
    public async Task A_wrong_password_limits_locally_and_logs_once_without_the_password()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        const string wrong = "rl-wrong-pw-93e1f0";
        await using var host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys(
            "RateLimits:RequestLimit=2", "RateLimits:Window=00:00:30", "RateLimits:Store=redis",
            $"RateLimits:Redis=127.0.0.1:{server.Port},password={wrong}"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Single(host.Logs.Lines, line => line.Contains("Redis is unavailable"));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_redis_store_counts_over_tls_with_a_password()
    {
        using var certificates = new RedisTlsCertificates();
        var tlsPort = LoopbackPort.Free();
        await using var server = await RedisServerProcess.StartAsync(["--requirepass", Password, .. certificates.ServerArgs(tlsPort)]);
        var configuration = new CacheOptions { Redis = $"127.0.0.1:{tlsPort}", Password = Password, UseTls = true }.ToRedisConfiguration();

        // Generous: the first attempt must not time out on a loaded machine (calls fail fast until one connects).
        configuration.ConnectTimeout = 10_000;
        configuration.TrustIssuer(certificates.Authority);
        await using var connection = new RedisConnection(configuration);
        var store = new RedisRateLimitCounterStore(connection, "tls:", TimeSpan.FromSeconds(5));

        var counts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            counts.Add((await store.AddAsync("k", 2, Window, default)).Count);
        }

        Assert.Equal([2L, 4L, 6L], counts);
    }
}
