namespace LocalOpenAi.Server.Metrics;

/// <summary>Default bucket upper bounds (Prometheus <c>le</c>) per histogram; <see cref="MetricsOptions.HistogramBuckets"/> overrides them.</summary>
internal static class HistogramBuckets
{
    /// <summary>The Prometheus client default, for histograms that give no advice.</summary>
    public static readonly double[] Default = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Whole requests, seconds: a cache hit in milliseconds up to a long generation.</summary>
    public static readonly double[] RequestDuration = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

    /// <summary>Time to first token, seconds.</summary>
    public static readonly double[] TimeToFirstToken = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

    /// <summary>Time spent waiting for a free slot, seconds.</summary>
    public static readonly double[] QueueWait = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Decode throughput, tokens per second.</summary>
    public static readonly double[] TokensPerSecond = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Sorted, distinct, finite bounds; <see langword="null"/> when none are left.</summary>
    public static double[]? Normalize(IEnumerable<double>? bounds)
    {
        var result = bounds?.Where(double.IsFinite).Distinct().Order().ToArray();
        return result is { Length: > 0 } ? result : null;
    }
}
