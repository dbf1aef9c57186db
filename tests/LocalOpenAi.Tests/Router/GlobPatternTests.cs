using LocalOpenAi.Router;

namespace LocalOpenAi.Tests.Router;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("analyst-*", "analyst-7", true)]
    [InlineData("analyst-*", "ANALYST-eu", true)]
    [InlineData("analyst-*", "senior-analyst-7", false)]
    [InlineData("*-bot", "support-bot", true)]
    [InlineData("gpt-4?", "gpt-4o", true)]
    [InlineData("gpt-4?", "gpt-4o-mini", false)]
    [InlineData("*", "anything", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("exact", "exact", true)]
    public void Globs_match_case_insensitively(string pattern, string text, bool expected) =>
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, text));
}
