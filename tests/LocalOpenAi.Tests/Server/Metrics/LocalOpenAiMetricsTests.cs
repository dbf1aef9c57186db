using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Tests.Server.Metrics;

public sealed class LocalOpenAiMetricsTests
{
    [Fact]
    public void Recording_methods_feed_the_spec_metric_names()
    {
        using var container = new MetricsContainer();
        var metrics = container.Metrics;

        metrics.RecordRequest("local", "tiny", "/v1/chat/completions", 200, TimeSpan.FromMilliseconds(300));
        metrics.RecordTimeToFirstToken("tiny", TimeSpan.FromMilliseconds(40));
        metrics.RecordQueueWait("tiny", TimeSpan.FromMilliseconds(2));
        metrics.RecordTokens("tiny", promptEvaluated: 12, promptCached: 30, completion: 50, decodeTime: TimeSpan.FromSeconds(2));
        metrics.RecordCacheLookup(CacheLookupResult.Hit);
        metrics.RecordCacheLookup(CacheLookupResult.Bypass);
        metrics.RecordRouteDecision("cloud", "complex");
        metrics.RecordUpstreamError("timeout");
        metrics.RecordCostSaved(0.5);
        metrics.RecordCostSaved(0.25);
        metrics.RecordRateLimited();
        var text = container.Scrape();

        string[] expected =
        [
            "# TYPE localopenai_requests_total counter",
            "localopenai_requests_total{endpoint=\"/v1/chat/completions\",model=\"tiny\",route=\"local\",status=\"200\"} 1",
            "# TYPE localopenai_request_duration_seconds histogram",
            "localopenai_request_duration_seconds_bucket{endpoint=\"/v1/chat/completions\",model=\"tiny\",route=\"local\",le=\"0.25\"} 0",
            "localopenai_request_duration_seconds_bucket{endpoint=\"/v1/chat/completions\",model=\"tiny\",route=\"local\",le=\"0.5\"} 1",
            "localopenai_request_duration_seconds_bucket{endpoint=\"/v1/chat/completions\",model=\"tiny\",route=\"local\",le=\"120\"} 1",
            "localopenai_time_to_first_token_seconds_bucket{model=\"tiny\",le=\"0.05\"} 1",
            "localopenai_queue_wait_seconds_count{model=\"tiny\"} 1",
            "localopenai_prompt_tokens_total{model=\"tiny\"} 12",
            "localopenai_prompt_tokens_cached_total{model=\"tiny\"} 30",
            "localopenai_completion_tokens_total{model=\"tiny\"} 50",
            "localopenai_tokens_per_second_bucket{model=\"tiny\",le=\"20\"} 0",
            "localopenai_tokens_per_second_bucket{model=\"tiny\",le=\"50\"} 1",
            "localopenai_tokens_per_second_sum{model=\"tiny\"} 25",
            "localopenai_cache_requests_total{result=\"bypass\"} 1",
            "localopenai_cache_requests_total{result=\"hit\"} 1",
            "localopenai_route_decisions_total{complexity=\"complex\",route=\"cloud\"} 1",
            "localopenai_upstream_errors_total{kind=\"timeout\"} 1",
            "localopenai_cost_saved_usd_total 0.75",
            "localopenai_rate_limited_total 1",
        ];
        var lines = text.Split('\n');
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.DoesNotContain("_total_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generation_usage_records_first_token_tokens_and_decode_rate()
    {
        using var container = new MetricsContainer();

        container.Metrics.RecordGeneration("tiny", new GenerationUsage(
            PromptTokens: 100, CachedPromptTokens: 60, CompletionTokens: 21, QueueWait: TimeSpan.FromSeconds(0.1), TimeToFirstToken: TimeSpan.FromSeconds(0.5), Duration: TimeSpan.FromSeconds(2.5)));
        var lines = container.Scrape().Split('\n');

        Assert.Contains("localopenai_prompt_tokens_total{model=\"tiny\"} 40", lines);
        Assert.Contains("localopenai_prompt_tokens_cached_total{model=\"tiny\"} 60", lines);
        Assert.Contains("localopenai_completion_tokens_total{model=\"tiny\"} 21", lines);
        Assert.Contains("localopenai_time_to_first_token_seconds_sum{model=\"tiny\"} 0.5", lines);
        Assert.Contains("localopenai_tokens_per_second_sum{model=\"tiny\"} 10", lines);
    }

    [Fact]
    public void Scheduler_gauges_follow_registrations_of_several_models()
    {
        using var container = new MetricsContainer();
        var metrics = container.Metrics;
        var queue = 3;

        using var tiny = metrics.RegisterSchedulerGauges("tiny", () => queue, () => 2, () => 0.5);
        var big = metrics.RegisterSchedulerGauges("big", () => 0, () => 1, () => 0.25);
        var first = container.Scrape().Split('\n');
        queue = 7;
        big.Dispose();
        big.Dispose();
        var second = container.Scrape().Split('\n');

        Assert.Contains("localopenai_queue_depth{model=\"tiny\"} 3", first);
        Assert.Contains("localopenai_queue_depth{model=\"big\"} 0", first);
        Assert.Contains("localopenai_slots_busy{model=\"big\"} 1", first);
        Assert.Contains("localopenai_kv_cache_usage_ratio{model=\"tiny\"} 0.5", first);
        Assert.Contains("# TYPE localopenai_kv_cache_usage_ratio gauge", first);
        Assert.Contains("localopenai_queue_depth{model=\"tiny\"} 7", second);
        Assert.DoesNotContain(second, line => line.Contains("model=\"big\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_throwing_gauge_callback_is_skipped_without_failing_the_scrape()
    {
        using var container = new MetricsContainer();
        using var broken = container.Metrics.RegisterSchedulerGauges("broken", () => throw new ObjectDisposedException("scheduler"), () => 1, () => 0);

        var lines = container.Scrape().Split('\n');

        Assert.DoesNotContain(lines, line => line.StartsWith("localopenai_queue_depth", StringComparison.Ordinal));
        Assert.Contains("localopenai_slots_busy{model=\"broken\"} 1", lines);
    }
}
