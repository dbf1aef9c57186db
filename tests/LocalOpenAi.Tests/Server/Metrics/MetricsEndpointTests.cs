using System.Net;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Tests.Server.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_endpoint_serves_the_text_format_with_route_pattern_labels()
    {
        await using var server = await MetricsTestServer.StartAsync();
        await server.DriveAsync(3);
        using var missing = await server.Http.GetAsync("no/such/path");
        using var failing = await server.Http.GetAsync("v1/fail");

        using var response = await server.Http.GetAsync("metrics");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Contains("localopenai_requests_total{endpoint=\"/v1/fail\",model=\"none\",route=\"none\",status=\"500\"} 1", lines);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("localopenai_requests_total{endpoint=\"/v1/echo/{id}\",model=\"tiny\",route=\"local\",status=\"200\"} 3", lines);
        Assert.Contains("localopenai_requests_total{endpoint=\"unmatched\",model=\"none\",route=\"none\",status=\"404\"} 1", lines);
        Assert.Contains("localopenai_request_duration_seconds_count{endpoint=\"/v1/echo/{id}\",model=\"tiny\",route=\"local\"} 3", lines);
    }

    [Fact]
    public async Task Promtool_finds_no_problem_in_the_exposition()
    {
        await using var server = await MetricsTestServer.StartAsync();
        await server.DriveAsync(2);
        var metrics = server.Metrics;
        metrics.RecordTimeToFirstToken("tiny", TimeSpan.FromMilliseconds(30));
        metrics.RecordQueueWait("tiny", TimeSpan.FromMilliseconds(1));
        metrics.RecordTokens("tiny", 10, 5, 20, TimeSpan.FromSeconds(1));
        metrics.RecordCacheLookup(CacheLookupResult.Miss);
        metrics.RecordRouteDecision("local", "simple");
        metrics.RecordUpstreamError("timeout");
        metrics.RecordCostSaved(0.01);
        metrics.RecordRateLimited();
        using var gauges = metrics.RegisterSchedulerGauges("tiny", () => 1, () => 2, () => 0.5);
        var exposition = await server.Http.GetStringAsync("metrics");

        var (exitCode, output) = await Promtool.CheckMetricsAsync(exposition);

        Assert.True(exitCode == 0 && output.Length == 0, $"promtool exited {exitCode}: {output}\n--- exposition ---\n{exposition}");
        Assert.Contains("localopenai_kv_cache_usage_ratio{model=\"tiny\"} 0.5", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_runtime_and_process_metrics_are_served_beside_ours()
    {
        await using var server = await MetricsTestServer.StartAsync();
        await server.DriveAsync(2);

        var lines = (await server.Http.GetStringAsync("metrics")).Split('\n');

        Assert.Contains(lines, line => line.StartsWith("http_requests_received_total{", StringComparison.Ordinal) && line.Contains("endpoint=\"/v1/echo/{id}\"", StringComparison.Ordinal) && line.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains("# TYPE http_request_duration_seconds histogram", lines);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", lines);
        Assert.Contains("# TYPE dotnet_collection_count_total counter", lines);
        Assert.Contains("localopenai_requests_total{endpoint=\"/v1/echo/{id}\",model=\"tiny\",route=\"local\",status=\"200\"} 2", lines);
    }
}
