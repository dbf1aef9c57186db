using System.Diagnostics.Metrics;
using System.Numerics;
using Microsoft.Extensions.Options;
using Prometheus;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// Publishes the instruments of this container's <see cref="LocalOpenAiMetrics.MeterName"/> meter in the
/// prometheus-net <see cref="CollectorRegistry"/> that <c>/metrics</c> serves, each under its own name:
/// counters as counters, histograms with their advised (or configured) buckets, observable gauges read
/// on every scrape.
/// </summary>
/// <remarks>
/// Not prometheus-net's own meter adapter: that one prefixes the meter's name, exposes every counter as
/// a gauge (so <c>_total</c> series lose their type and promtool flags them) and keeps a gauge series
/// for minutes after its callback stopped reporting it. Scrapes take a lock while observing gauges.
/// </remarks>
internal sealed class PrometheusMeterBridge : IDisposable
{
    private readonly IMeterFactory _meterFactory;
    private readonly MetricsOptions _options;
    private readonly IMetricFactory _metricFactory;
    private readonly MeterListener _listener;
    private readonly List<BridgedInstrument> _observed = [];
    private readonly Lock _scrapeLock = new();

    public PrometheusMeterBridge(IMeterFactory meterFactory, IOptions<MetricsOptions> options, CollectorRegistry registry)
    {
        _meterFactory = meterFactory;
        _options = options.Value;
        _metricFactory = Prometheus.Metrics.WithCustomRegistry(registry);
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
        registry.AddBeforeCollectCallback(ObserveGauges);
    }

    public void Dispose() => _listener.Dispose();

    private static void OnMeasurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T> =>
        ((BridgedInstrument)state!).Record(double.CreateTruncating(value), tags);

    private static MetricKind? KindOf(Instrument instrument) =>
        !instrument.GetType().IsGenericType ? null
        : instrument.GetType().GetGenericTypeDefinition() switch
        {
            var type when type == typeof(Counter<>) => MetricKind.Counter,
            var type when type == typeof(ObservableGauge<>) => MetricKind.Gauge,
            var type when type == typeof(Histogram<>) => MetricKind.Histogram,
            _ => null,
        };

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _meterFactory) || instrument.Meter.Name != LocalOpenAiMetrics.MeterName
            || KindOf(instrument) is not { } kind)
        {
            return;
        }

        var buckets = kind == MetricKind.Histogram ? BucketsOf(instrument) : null;
        var bridged = new BridgedInstrument(instrument.Name, instrument.Description ?? "", kind, buckets, _metricFactory);
        if (kind == MetricKind.Gauge)
        {
            lock (_scrapeLock)
            {
                _observed.Add(bridged);
            }
        }

        listener.EnableMeasurementEvents(instrument, bridged);
    }

    private double[] BucketsOf(Instrument instrument)
    {
        var advised = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries;
        return HistogramBuckets.Normalize(_options.HistogramBuckets.TryGetValue(instrument.Name, out var configured) ? configured : advised)
            ?? HistogramBuckets.Default;
    }

    private void ObserveGauges()
    {
        lock (_scrapeLock)
        {
            _listener.RecordObservableInstruments();
            foreach (var gauge in _observed)
            {
                gauge.EndObservationRound();
            }
        }
    }
}
