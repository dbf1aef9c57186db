using System.Diagnostics.Metrics;

namespace LocalOpenAi.Tests.Server.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Counters_gauges_and_histograms_render_as_golden_text()
    {
        using var container = new MetricsContainer();
        var meter = container.Meter;
        var requests = meter.CreateCounter<long>("demo_requests_total", "{request}", "Requests served.");
        var bytes = meter.CreateCounter<double>("demo.bytes", "By", "Bytes sent.");
        var inFlight = meter.CreateUpDownCounter<int>("demo_in_flight", null, "Requests in flight.");
        meter.CreateObservableGauge("demo_temperature", () => new Measurement<double>(21.5, new KeyValuePair<string, object?>("room", "lab")), null, "Temperature.");
        var latency = meter.CreateHistogram("demo_latency_seconds", "s", "Latency.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 1] });

        requests.Add(2, new("status", "200"), new("endpoint", "/a"));
        requests.Add(3, new("endpoint", "/a"), new("status", "200"));
        requests.Add(1, new("endpoint", "/b"), new("status", "404"));
        bytes.Add(1.25);
        inFlight.Add(3);
        inFlight.Add(-1);
        latency.Record(0.125, new KeyValuePair<string, object?>("model", "m"));
        latency.Record(0.25, new KeyValuePair<string, object?>("model", "m"));
        latency.Record(0.5, new KeyValuePair<string, object?>("model", "m"));
        latency.Record(7, new KeyValuePair<string, object?>("model", "m"));

        Assert.Equal(
            """
            # HELP demo_bytes_total Bytes sent.
            # TYPE demo_bytes_total counter
            demo_bytes_total 1.25
            # HELP demo_in_flight Requests in flight.
            # TYPE demo_in_flight gauge
            demo_in_flight 2
            # HELP demo_latency_seconds Latency.
            # TYPE demo_latency_seconds histogram
            demo_latency_seconds_bucket{model="m",le="0.25"} 2
            demo_latency_seconds_bucket{model="m",le="1"} 3
            demo_latency_seconds_bucket{model="m",le="+Inf"} 4
            demo_latency_seconds_sum{model="m"} 7.875
            demo_latency_seconds_count{model="m"} 4
            # HELP demo_requests_total Requests served.
            # TYPE demo_requests_total counter
            demo_requests_total{endpoint="/a",status="200"} 5
            demo_requests_total{endpoint="/b",status="404"} 1
            # HELP demo_temperature Temperature.
            # TYPE demo_temperature gauge
            demo_temperature{room="lab"} 21.5

            """.ReplaceLineEndings("\n"),
            container.Scrape());
    }

    [Fact]
    public void Label_values_and_help_are_escaped_and_names_sanitized()
    {
        using var container = new MetricsContainer();
        var counter = container.Meter.CreateCounter<long>("9weird.name-x_total", null, "Line one\nback\\slash");

        counter.Add(1, new KeyValuePair<string, object?>("bad.label", "a \"quoted\" \\ value\nnext"));

        Assert.Equal(
            """
            # HELP _9weird_name_x_total Line one\nback\\slash
            # TYPE _9weird_name_x_total counter
            _9weird_name_x_total{bad_label="a \"quoted\" \\ value\nnext"} 1

            """.ReplaceLineEndings("\n"),
            container.Scrape());
    }

    [Fact]
    public void Scraping_resets_nothing_and_families_without_series_are_left_out()
    {
        using var container = new MetricsContainer();
        var counter = container.Meter.CreateCounter<long>("demo_total");
        container.Meter.CreateCounter<long>("never_recorded_total");

        counter.Add(4);
        var first = container.Scrape();
        counter.Add(1);

        Assert.Equal("# TYPE demo_total counter\ndemo_total 4\n", first);
        Assert.Equal("# TYPE demo_total counter\ndemo_total 5\n", container.Scrape());
    }

    [Fact]
    public void Configured_buckets_override_the_instrument_advice()
    {
        using var container = new MetricsContainer(options => options.HistogramBuckets["demo_seconds"] = [2, 0.5, double.PositiveInfinity]);
        var histogram = container.Meter.CreateHistogram("demo_seconds", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1] });

        histogram.Record(1);

        Assert.Equal(
            """
            # TYPE demo_seconds histogram
            demo_seconds_bucket{le="0.5"} 0
            demo_seconds_bucket{le="2"} 1
            demo_seconds_bucket{le="+Inf"} 1
            demo_seconds_sum 1
            demo_seconds_count 1

            """.ReplaceLineEndings("\n"),
            container.Scrape());
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

        Assert.Equal("# TYPE shared_total counter\nshared_total 1\n", ours.Scrape());
    }
}
