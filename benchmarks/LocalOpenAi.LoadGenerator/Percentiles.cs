namespace LocalOpenAi.LoadGenerator;

/// <summary>Percentiles by linear interpolation between closest ranks (numpy's default, R's type 7).</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="fraction"/> quantile (0.5 for p50, 0.99 for p99) of ascending values.</summary>
    /// <exception cref="ArgumentException">No values, or a fraction outside [0, 1].</exception>
    public static double Of(IReadOnlyList<double> ascending, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ascending.Count);
        if (fraction is < 0 or > 1 || double.IsNaN(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a fraction from 0 to 1");
        }

        var rank = fraction * (ascending.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, ascending.Count - 1);
        return ascending[lower] + ((rank - lower) * (ascending[upper] - ascending[lower]));
    }
}
