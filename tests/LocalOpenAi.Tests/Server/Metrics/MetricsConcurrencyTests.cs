namespace LocalOpenAi.Tests.Server.Metrics;

public sealed class MetricsConcurrencyTests
{
    [Fact]
    public async Task Totals_are_exact_when_many_threads_record_while_scraping()
    {
        const int Threads = 8;
        const int PerThread = 50_000;
        using var container = new MetricsContainer();
        var meter = container.Meter;
        var counter = meter.CreateCounter<long>("hits_total");
        var sum = meter.CreateCounter<double>("amount_total");
        var histogram = meter.CreateHistogram("work_seconds", "s", null, null, new System.Diagnostics.Metrics.InstrumentAdvice<double> { HistogramBucketBoundaries = [1] });
        using var start = new Barrier(Threads + 1);

        var workers = Enumerable.Range(0, Threads).Select(thread => Task.Factory.StartNew(
            () =>
            {
                var parity = new KeyValuePair<string, object?>("parity", thread % 2 == 0 ? "even" : "odd");
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    counter.Add(1, parity);
                    sum.Add(0.5);
                    histogram.Record(i % 2 == 0 ? 0.5 : 2);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        start.SignalAndWait();
        while (!workers.All(worker => worker.IsCompleted))
        {
            _ = container.Scrape();
        }

        await Task.WhenAll(workers);
        var lines = container.Scrape().Split('\n');

        const int Half = Threads / 2 * PerThread;
        Assert.Contains($"hits_total{{parity=\"even\"}} {Half}", lines);
        Assert.Contains($"hits_total{{parity=\"odd\"}} {Half}", lines);
        Assert.Contains($"amount_total {Threads * PerThread / 2}", lines);
        Assert.Contains($"work_seconds_bucket{{le=\"1\"}} {Threads * PerThread / 2}", lines);
        Assert.Contains($"work_seconds_count {Threads * PerThread}", lines);
        Assert.Contains($"work_seconds_sum {Threads * PerThread / 2 * 2.5}", lines);
    }
}
