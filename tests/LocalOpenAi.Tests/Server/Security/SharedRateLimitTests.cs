using System.Net;
using LocalOpenAi.Tests.Cache;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class SharedRateLimitTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public SharedRateLimitTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task Two_replicas_sharing_redis_allow_the_limit_once_not_twice()
    {
        string[] settings = SecurityTestHost.WithKeys(
            "RateLimits:RequestLimit=4", "RateLimits:Window=00:00:30", "RateLimits:Store=redis",
            $"Cache:Redis=127.0.0.1:{_redis.Port}", $"RateLimits:KeyPrefix=test:{Guid.NewGuid():N}:");
        await using var first = await SecurityTestHost.StartAsync(settings);
        await using var second = await SecurityTestHost.StartAsync(settings);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var host in (SecurityTestHost[])[first, second])
            {
                using var response = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Equal(4, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(4, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.DoesNotContain(first.Logs.Lines.Concat(second.Logs.Lines), line => line.Contains("unavailable"));
    }

    [Fact]
    public async Task Redis_down_still_serves_requests_and_limits_locally()
    {
        await using var host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys(
            "RateLimits:RequestLimit=2", "RateLimits:Window=00:00:30", "RateLimits:Store=redis",
            $"RateLimits:Redis=127.0.0.1:{LoopbackPort.Free()}"));

        using var first = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        using var second = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        using var third = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Single(host.Logs.Lines, line => line.Contains("Redis is unavailable"));
        using var metrics = await host.SendAsync(HttpMethod.Get, "metrics");
        Assert.Contains("localopenai_rate_limit_store_fallbacks_total", await metrics.Content.ReadAsStringAsync());
    }
}
