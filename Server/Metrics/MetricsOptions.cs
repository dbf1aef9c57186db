namespace LocalOpenAi.Server.Metrics;

/// <summary>Options of the metrics exposition, bound from the <c>Metrics</c> configuration section.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Bucket upper bounds by instrument name, overriding the instrument's own advice
    /// (e.g. <c>Metrics:HistogramBuckets:localopenai_request_duration_seconds:0 = 0.1</c>).
    /// </summary>
    public IDictionary<string, double[]> HistogramBuckets { get; } = new Dictionary<string, double[]>(StringComparer.Ordinal);

    /// <summary>
    /// Whether <c>/metrics</c> also serves the process and .NET runtime metrics (<c>process_*</c>, <c>dotnet_*</c>).
    /// Each scrape reads every thread of the process, so hosts that run several servers in one process turn it off.
    /// </summary>
    public bool ProcessMetrics { get; set; } = true;
}
