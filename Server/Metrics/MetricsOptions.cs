namespace LocalOpenAi.Server.Metrics;

/// <summary>Options of the metrics exposition, bound from the <c>Metrics</c> configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Bucket upper bounds by instrument name, overriding the instrument's own advice
    /// (e.g. <c>Metrics:HistogramBuckets:localopenai_request_duration_seconds:0 = 0.1</c>).
    /// </summary>
    public IDictionary<string, double[]> HistogramBuckets { get; } = new Dictionary<string, double[]>(StringComparer.Ordinal);
}
