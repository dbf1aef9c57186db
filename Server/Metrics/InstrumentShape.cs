using System.Diagnostics.Metrics;

namespace LocalOpenAi.Server.Metrics;

/// <summary>How an instrument maps onto Prometheus: its type, how it aggregates, and bucket advice.</summary>
internal sealed record InstrumentShape(MetricKind Kind, MetricAggregation Aggregation, bool Observed, IEnumerable<double>? AdvisedBounds)
{
    /// <summary>The shape of a known instrument type; <see langword="null"/> for anything else.</summary>
    public static InstrumentShape? Of(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
        {
            return new(MetricKind.Counter, MetricAggregation.Sum, false, null);
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return new(MetricKind.Gauge, MetricAggregation.Sum, false, null);
        }

        if (definition == typeof(Gauge<>))
        {
            return new(MetricKind.Gauge, MetricAggregation.LastValue, false, null);
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return new(MetricKind.Counter, MetricAggregation.LastValue, true, null);
        }

        if (definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>))
        {
            return new(MetricKind.Gauge, MetricAggregation.LastValue, true, null);
        }

        return definition == typeof(Histogram<>)
            ? new(MetricKind.Histogram, MetricAggregation.Histogram, false, AdviceOf(instrument))
            : null;
    }

    private static IEnumerable<double>? AdviceOf(Instrument instrument) => instrument switch
    {
        Histogram<double> histogram => histogram.Advice?.HistogramBucketBoundaries,
        Histogram<float> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
        Histogram<long> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
        Histogram<int> histogram => histogram.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
        _ => null,
    };
}
