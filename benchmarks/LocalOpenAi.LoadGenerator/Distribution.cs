namespace LocalOpenAi.LoadGenerator;

/// <summary>The percentiles a load report gives for one measured quantity, in milliseconds.</summary>
internal sealed record Distribution(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    /// <summary>Null when there is nothing to summarize (so JSON says null rather than NaN).</summary>
    public static Distribution? From(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new Distribution(sorted.Length, sorted.Average(), Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.95), Percentiles.Of(sorted, 0.99), sorted[^1]);
    }
}
