namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>A real Prometheus scrapes a real server's <c>/metrics</c> and sees the counters grow with traffic.</summary>
public sealed class PrometheusScrapeTests
{
    private const string EchoRequests = """sum(localopenai_requests_total{endpoint="/v1/echo/{id}",route="local",status="200"})""";
    private const string EchoDurationCount = """sum(localopenai_request_duration_seconds_count{endpoint="/v1/echo/{id}"})""";

    [Fact]
    public async Task Prometheus_scrapes_the_endpoint_and_counters_increase_with_traffic()
    {
        await using var server = await MetricsTestServer.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(server.BaseAddress);

        await server.DriveAsync(5);
        var first = await prometheus.WaitForAsync(EchoRequests, 5, TimeSpan.FromSeconds(15));
        await server.DriveAsync(7);
        var second = await prometheus.WaitForAsync(EchoRequests, 12, TimeSpan.FromSeconds(10));
        var durations = await prometheus.QueryScalarAsync(EchoDurationCount);
        var up = await prometheus.QueryScalarAsync("up{job=\"localopenai\"}");

        Assert.Equal(5, first);
        Assert.Equal(12, second);
        Assert.Equal(12, durations);
        Assert.Equal(1, up);
    }
}
