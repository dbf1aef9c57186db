using System.Collections.Concurrent;

namespace LocalOpenAi.Server.Metrics;

/// <summary>All series of one metric name: its type, help, histogram bounds and series by label set.</summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<LabelSet, MetricSeries> _series = new(LabelSetComparer.Instance);
    private readonly ConcurrentDictionary<LabelSet, MetricSeries>.AlternateLookup<MeasurementTags> _lookup;

    public MetricFamily(string name, string? help, MetricKind kind, MetricAggregation aggregation, bool observed, double[]? bounds, LabelSet constantLabels)
    {
        Name = name;
        Help = help;
        Kind = kind;
        Aggregation = aggregation;
        IsObserved = observed;
        Bounds = bounds;
        ConstantLabels = constantLabels;
        _lookup = _series.GetAlternateLookup<MeasurementTags>();
    }

    /// <summary>The Prometheus name (sanitized; counters end in <c>_total</c>).</summary>
    public string Name { get; }

    public string? Help { get; }

    public MetricKind Kind { get; }

    public MetricAggregation Aggregation { get; }

    /// <summary>Values come from callbacks at scrape time; the series are rebuilt on every scrape.</summary>
    public bool IsObserved { get; }

    /// <summary>Histogram bucket upper bounds, ascending, without <c>+Inf</c>.</summary>
    public double[]? Bounds { get; }

    /// <summary>The instrument's own tags, put on every series.</summary>
    public LabelSet ConstantLabels { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesFor(tags);
        switch (Aggregation)
        {
            case MetricAggregation.Sum:
                series.Add(value);
                break;
            case MetricAggregation.LastValue:
                series.Set(value);
                break;
            default:
                series.Observe(value);
                break;
        }
    }

    /// <summary>Forgets observed series before their callbacks run again (an unregistered model disappears).</summary>
    public void ClearObserved()
    {
        if (IsObserved)
        {
            _series.Clear();
        }
    }

    /// <summary>The series ordered by their rendered labels, for a stable exposition.</summary>
    public MetricSeries[] SortedSeries()
    {
        var series = _series.Values.ToArray();
        Array.Sort(series, static (a, b) => string.CompareOrdinal(a.Labels.Rendered, b.Labels.Rendered));
        return series;
    }

    private MetricSeries SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_lookup.TryGetValue(new MeasurementTags(tags), out var existing))
        {
            return existing;
        }

        return _series.GetOrAdd(LabelSet.From(tags), static (labels, bounds) => new MetricSeries(labels, bounds), Bounds);
    }
}
