using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Tests.Server.Models;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("12GiB", 12L << 30)]
    [InlineData("8G", 8L << 30)]
    [InlineData("512 MiB", 512L << 20)]
    [InlineData("1.5gb", 1_500_000_000)]
    [InlineData("300KB", 300_000)]
    [InlineData("4096", 4096)]
    public void Sizes_are_read_in_the_units_operators_write(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1G")]
    [InlineData("0")]
    [InlineData("12 parsecs")]
    [InlineData("99999999999T")]
    public void Nonsense_is_refused(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
