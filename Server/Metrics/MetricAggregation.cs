namespace LocalOpenAi.Server.Metrics;

/// <summary>How a family folds measurements into a series.</summary>
internal enum MetricAggregation
{
    /// <summary>Measurements are deltas and are added (counters, up-down counters).</summary>
    Sum,

    /// <summary>Each measurement replaces the value (gauges, observed cumulative counters).</summary>
    LastValue,

    /// <summary>Measurements are counted into buckets and summed.</summary>
    Histogram,
}
