using System.Text;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Tests.Engine;

public sealed class Utf8BoundaryTests
{
    [Theory]
    [InlineData("abc", 0, 3)]
    [InlineData("aé", 0, 3)]
    [InlineData("aé", 1, 1)]
    [InlineData("x€", 1, 1)]
    [InlineData("x€", 2, 1)]
    [InlineData("😀", 1, 0)]
    [InlineData("😀", 0, 4)]
    [InlineData("", 0, 0)]
    public void Complete_length_cuts_a_character_split_at_the_end(string text, int cut, int expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(expected, Utf8Boundary.CompleteLength(bytes.AsSpan(0, bytes.Length - cut)));
    }

    [Theory]
    [InlineData("é!", 1, 1)]
    [InlineData("😀!", 1, 3)]
    [InlineData("😀!", 0, 0)]
    [InlineData("ab", 0, 0)]
    public void Leading_continuations_are_the_rest_of_a_character_begun_before(string text, int skip, int expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(expected, Utf8Boundary.LeadingContinuations(bytes.AsSpan(skip)));
    }
}
