using System.Globalization;
using Prometheus;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// One instrument's prometheus-net collector under the instrument's own name, made on its first
/// measurement because only then are its tag names known (sorted, they become the label names).
/// </summary>
/// <remarks>
/// A later measurement with other tag names fills the labels it lacks with empty values and drops the
/// rest; every LocalOpenAi instrument always records the same tags. An observed gauge's series that its
/// callback did not report in a round are removed, so that an unregistered model disappears.
/// </remarks>
internal sealed class BridgedInstrument(string name, string help, MetricKind kind, double[]? buckets, IMetricFactory factory)
{
    private readonly Lock _createLock = new();
    private HashSet<Gauge.Child> _observedBefore = new(ReferenceEqualityComparer.Instance);
    private HashSet<Gauge.Child> _observedNow = new(ReferenceEqualityComparer.Instance);
    private Collector? _collector;
    private string[] _labelNames = [];

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var collector = Volatile.Read(ref _collector) ?? Create(tags);
        var labels = LabelValues(tags);
        switch (collector)
        {
            case Counter counter:
                counter.WithLabels(labels).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(labels).Observe(value);
                break;
            case Gauge gauge:
                var child = gauge.WithLabels(labels);
                child.Set(value);
                _observedNow.Add(child);
                break;
        }
    }

    /// <summary>Removes the observed series not reported since the previous round; call it after the callbacks ran, under one lock.</summary>
    public void EndObservationRound()
    {
        foreach (var child in _observedBefore)
        {
            if (!_observedNow.Contains(child))
            {
                child.Remove();
            }
        }

        (_observedBefore, _observedNow) = (_observedNow, _observedBefore);
        _observedNow.Clear();
    }

    private Collector Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labelNames = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labelNames[i] = tags[i].Key;
        }

        Array.Sort(labelNames, StringComparer.Ordinal);
        lock (_createLock)
        {
            if (_collector is { } existing)
            {
                return existing;
            }

            _labelNames = labelNames;
            Collector created = kind switch
            {
                MetricKind.Counter => factory.CreateCounter(name, help, labelNames),
                MetricKind.Gauge => factory.CreateGauge(name, help, labelNames),
                _ => factory.CreateHistogram(name, help, labelNames, new HistogramConfiguration { Buckets = buckets }),
            };
            Volatile.Write(ref _collector, created);
            return created;
        }
    }

    private string[] LabelValues(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var values = new string[_labelNames.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = "";
            foreach (var tag in tags)
            {
                if (tag.Key == _labelNames[i])
                {
                    values[i] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
                    break;
                }
            }
        }

        return values;
    }
}
