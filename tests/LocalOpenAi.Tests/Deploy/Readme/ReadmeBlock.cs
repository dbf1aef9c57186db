using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>A fenced code block of the README: its language, the line it starts on, the <c>## </c> section it is in, and its text.</summary>
internal sealed partial record ReadmeBlock(string Language, int Line, string Section, string Text)
{
    public static IReadOnlyList<ReadmeBlock> ReadAll()
    {
        var readme = DeployFiles.Read("README.md").ReplaceLineEndings("\n");
        return [.. Fence().Matches(readme).Select(match => new ReadmeBlock(
            match.Groups["language"].Value,
            readme.AsSpan(0, match.Index).Count('\n') + 1,
            SectionHeading().Matches(readme[..match.Index]).LastOrDefault()?.Value ?? string.Empty,
            match.Groups["text"].Value))];
    }

    public static IReadOnlyList<ReadmeBlock> OfLanguage(string language) =>
        [.. ReadAll().Where(block => block.Language == language)];

    public override string ToString() => $"README.md line {Line} ({Language})";

    [GeneratedRegex(@"^## .*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<text>.*?)\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
