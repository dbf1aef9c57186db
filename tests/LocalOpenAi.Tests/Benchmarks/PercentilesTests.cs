using LocalOpenAi.LoadGenerator;

namespace LocalOpenAi.Tests.Benchmarks;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(0.5, 30.0)]
    [InlineData(0.95, 48.0)]
    [InlineData(0.99, 49.6)]
    [InlineData(1.0, 50.0)]
    public void Interpolates_between_closest_ranks_like_numpy(double fraction, double expected)
    {
        double[] ascending = [10, 20, 30, 40, 50];

        Assert.Equal(expected, Percentiles.Of(ascending, fraction), precision: 9);
    }

    [Fact]
    public void A_single_value_is_every_percentile()
    {
        Assert.Equal(7.5, Percentiles.Of([7.5], 0.5));
        Assert.Equal(7.5, Percentiles.Of([7.5], 0.99));
    }

    [Fact]
    public void No_values_or_a_fraction_outside_zero_to_one_is_misuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1.0, 2.0], 1.5));
    }
}
