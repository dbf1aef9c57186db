namespace LocalOpenAi.Benchmarks.CacheHits;

/// <summary>p50 and p99 (nearest rank) and the mean of a set of samples, in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P99, double Mean)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted.Average());
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
