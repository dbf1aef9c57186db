using System.Net;
using System.Text.Json;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_burst_beyond_the_limit_gets_429_with_Retry_After_then_succeeds_after_waiting()
    {
        await using var host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys("RateLimits:RequestLimit=3", "RateLimits:Window=00:00:02"));

        for (var i = 0; i < 3; i++)
        {
            using var ok = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Headers.GetValues("x-ratelimit-limit-requests").Single());
            Assert.Equal($"{2 - i}", ok.Headers.GetValues("x-ratelimit-remaining-requests").Single());
            Assert.Matches("^[0-9]+(ms|s)$", ok.Headers.GetValues("x-ratelimit-reset-requests").Single());
        }

        using var limited = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 2);
        using (var json = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()))
        {
            var error = json.RootElement.GetProperty("error");
            Assert.Equal("rate_limit_exceeded", error.GetProperty("type").GetString());
            Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        }

        // Another tenant has its own quota.
        using var other = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.SecondKey);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // Probes are never limited.
        using var health = await host.SendAsync(HttpMethod.Get, "health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(50));
        using var again = await host.SendAsync(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var metrics = await host.SendAsync(HttpMethod.Get, "metrics");
        Assert.Matches(@"localopenai_rate_limited_total\S* 1", await metrics.Content.ReadAsStringAsync());
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("sk-"));
    }

    [Fact]
    public async Task Open_servers_limit_per_client_ip()
    {
        await using var host = await SecurityTestHost.StartAsync("RateLimits:RequestLimit=2", "RateLimits:Window=00:00:30");

        using var first = await host.SendAsync(HttpMethod.Get, "v1/models");
        using var second = await host.SendAsync(HttpMethod.Get, "v1/models");
        using var third = await host.SendAsync(HttpMethod.Get, "v1/models");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains(host.Logs.Lines, line => line.Contains("ip:127.0.0.1"));
    }

    [Fact]
    public async Task Tokens_are_charged_after_the_response_and_refuse_once_used_up()
    {
        await using var host = await SecurityTestHost.StartAsync(SecurityTestHost.WithKeys("RateLimits:TokenLimit=100", "RateLimits:Window=00:00:30"));

        using var first = await SendWithTokensAsync(host, 60);
        using var second = await SendWithTokensAsync(host, 60);
        using var third = await SendWithTokensAsync(host, 1);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("100", first.Headers.GetValues("x-ratelimit-remaining-tokens").Single());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("40", second.Headers.GetValues("x-ratelimit-remaining-tokens").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("0", third.Headers.GetValues("x-ratelimit-remaining-tokens").Single());
        Assert.Contains("tokens", await third.Content.ReadAsStringAsync());
        Assert.NotNull(third.Headers.RetryAfter);
    }

    private static Task<HttpResponseMessage> SendWithTokensAsync(SecurityTestHost host, int tokens)
    {
        var request = SecurityTestHost.Request(HttpMethod.Post, "v1/chat/completions", SecurityTestHost.ClientKey);
        request.Headers.Add("X-Test-Tokens", tokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return host.Http.SendAsync(request);
    }
}
