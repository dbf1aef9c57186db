using System.Diagnostics.Metrics;

namespace LocalOpenAi.Tests.Server.Metrics;

public sealed class PrometheusMeterBridgeTests
{
    [Fact]
    public void Counters_stay_counters_and_histograms_keep_their_advised_buckets_under_the_instrument_name()
    {
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 1] };
        using var container = new MetricsContainer();
        container.Meter.CreateCounter<long>("demo_requests_total", "{request}", "Requests served.").Add(2, new("status", "200"), new("endpoint", "/a"));
        container.Meter.CreateHistogram("demo_latency_seconds", "s", "Latency.", null, advice).Record(0.5);

        var lines = container.Scrape().Split('\n');

        Assert.Contains("# TYPE demo_requests_total counter", lines);
        Assert.Contains("demo_requests_total{endpoint=\"/a\",status=\"200\"} 2", lines);
        Assert.Contains("# TYPE demo_latency_seconds histogram", lines);
        Assert.Equal(
            ["demo_latency_seconds_bucket{le=\"0.25\"} 0", "demo_latency_seconds_bucket{le=\"1\"} 1", "demo_latency_seconds_bucket{le=\"+Inf\"} 1"],
            lines.Where(line => line.StartsWith("demo_latency_seconds_bucket", StringComparison.Ordinal)));
    }

    [Fact]
    public void Configured_buckets_override_the_instrument_advice()
    {
        using var container = new MetricsContainer(options => options.HistogramBuckets["demo_seconds"] = [2, 0.5, double.PositiveInfinity]);
        var histogram = container.Meter.CreateHistogram("demo_seconds", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1] });

        histogram.Record(1);

        Assert.Equal(
            ["demo_seconds_bucket{le=\"0.5\"} 0", "demo_seconds_bucket{le=\"2\"} 1", "demo_seconds_bucket{le=\"+Inf\"} 1"],
            container.Scrape().Split('\n').Where(line => line.StartsWith("demo_seconds_bucket", StringComparison.Ordinal)));
    }

    [Fact]
    public void Buckets_bind_from_the_metrics_configuration_section()
    {
        using var container = new MetricsContainer(configuration: new Dictionary<string, string?>
        {
            ["Metrics:HistogramBuckets:demo_seconds:0"] = "0.5",
            ["Metrics:HistogramBuckets:demo_seconds:1"] = "3",
        });
        container.Meter.CreateHistogram<double>("demo_seconds").Record(1);

        Assert.Contains("demo_seconds_bucket{le=\"3\"} 1", container.Scrape().Split('\n'));
    }

    [Fact]
    public void Meters_of_other_containers_and_other_names_are_not_exported()
    {
        using var ours = new MetricsContainer();
        using var theirs = new MetricsContainer();
        using var foreign = new Meter("SomethingElse");
        ours.Meter.CreateCounter<long>("shared_total").Add(1);
        theirs.Meter.CreateCounter<long>("shared_total").Add(10);
        foreign.CreateCounter<long>("foreign_total").Add(1);

        var text = ours.Scrape();

        Assert.Contains("shared_total 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("shared_total 10", text, StringComparison.Ordinal);
        Assert.DoesNotContain("foreign_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_and_runtime_metrics_can_be_turned_off()
    {
        using var with = new MetricsContainer();
        using var without = new MetricsContainer(options => options.ProcessMetrics = false);

        Assert.Contains("# TYPE process_cpu_seconds_total counter", with.Scrape(), StringComparison.Ordinal);
        Assert.DoesNotContain("process_", without.Scrape(), StringComparison.Ordinal);
    }
}
