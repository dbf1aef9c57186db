using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// Listens to the instruments of our meters (those created by this container's <see cref="IMeterFactory"/>,
/// so that several servers in one process stay apart), aggregates their measurements per label set and
/// renders them in the Prometheus text format 0.0.4. Nothing resets on scrape.
/// </summary>
/// <remarks>
/// Measurements arrive on any thread and aggregate lock-free (see <see cref="MetricSeries"/>); scrapes are
/// serialized by a lock because observable instruments are collected into shared series.
/// </remarks>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly IMeterFactory _meterFactory;
    private readonly MetricsOptions _options;
    private readonly HashSet<string> _meterNames;
    private readonly MeterListener _listener;
    private readonly Lock _scrapeLock = new();

    public PrometheusExporter(IMeterFactory meterFactory, IOptions<MetricsOptions> options)
    {
        _meterFactory = meterFactory;
        _options = options.Value;
        _meterNames = new HashSet<string>(_options.AdditionalMeters, StringComparer.Ordinal) { LocalOpenAiMetrics.MeterName };
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Collects observable instruments and writes the whole exposition.</summary>
    public string Scrape()
    {
        lock (_scrapeLock)
        {
            foreach (var family in _families.Values)
            {
                family.ClearObserved();
            }

            _listener.RecordObservableInstruments();
            var families = _families.Values.ToArray();
            Array.Sort(families, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var builder = new StringBuilder();
            PrometheusTextWriter.Write(builder, families);
            return builder.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _meterFactory) || !_meterNames.Contains(instrument.Meter.Name)
            || InstrumentShape.Of(instrument) is not { } shape)
        {
            return;
        }

        var name = PrometheusSyntax.MetricName(instrument.Name);
        if (shape.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        var bounds = shape.Kind == MetricKind.Histogram
            ? HistogramBuckets.Normalize(_options.HistogramBuckets.TryGetValue(instrument.Name, out var configured) ? configured : shape.AdvisedBounds)
                ?? HistogramBuckets.Default
            : null;
        var family = _families.GetOrAdd(name, _ => new MetricFamily(
            name, instrument.Description, shape.Kind, shape.Aggregation, shape.Observed, bounds, LabelSet.From(instrument.Tags)));

        // Two instruments of different kinds cannot share a name; the first one wins.
        if (family.Kind == shape.Kind && family.Aggregation == shape.Aggregation)
        {
            listener.EnableMeasurementEvents(instrument, family);
        }
    }
}
