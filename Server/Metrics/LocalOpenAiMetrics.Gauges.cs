using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LocalOpenAi.Server.Metrics;

internal sealed partial class LocalOpenAiMetrics
{
    private readonly ConcurrentDictionary<SchedulerGaugeSource, byte> _schedulers = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Exposes a model's scheduler as <c>localopenai_queue_depth</c>, <c>localopenai_slots_busy</c> and
    /// <c>localopenai_kv_cache_usage_ratio</c> with label <c>model</c>. The callbacks run on the scraping
    /// thread and must be cheap and thread-safe; one that throws is skipped for that scrape.
    /// </summary>
    /// <returns>Dispose it when the model unloads; its series then disappear from the next scrape.</returns>
    public IDisposable RegisterSchedulerGauges(string model, Func<int> queueDepth, Func<int> busySlots, Func<double> kvCacheUsage)
    {
        var source = new SchedulerGaugeSource(model, queueDepth, busySlots, kvCacheUsage);
        _schedulers.TryAdd(source, 0);
        return new GaugeRegistration(() => _schedulers.TryRemove(source, out _));
    }

    private IEnumerable<Measurement<int>> ObserveQueueDepth() => Observe(static source => source.QueueDepth());

    private IEnumerable<Measurement<int>> ObserveBusySlots() => Observe(static source => source.BusySlots());

    private IEnumerable<Measurement<double>> ObserveKvCacheUsage() => Observe(static source => source.KvCacheUsage());

    private List<Measurement<T>> Observe<T>(Func<SchedulerGaugeSource, T> read)
        where T : struct
    {
        var measurements = new List<Measurement<T>>(_schedulers.Count);
        foreach (var source in _schedulers.Keys)
        {
            try
            {
                measurements.Add(new Measurement<T>(read(source), new KeyValuePair<string, object?>("model", source.Model)));
            }
            catch (Exception)
            {
                // A scheduler being torn down may throw; its gauges are simply absent from this scrape.
            }
        }

        return measurements;
    }
}
