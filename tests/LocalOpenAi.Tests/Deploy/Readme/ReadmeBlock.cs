using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>A fenced code block of the README: its language, the line it starts on and its text.</summary>
internal sealed partial record ReadmeBlock(string Language, int Line, string Text)
{
    public static IReadOnlyList<ReadmeBlock> ReadAll()
    {
        var readme = DeployFiles.Read("README.md").ReplaceLineEndings("\n");
        return [.. Fence().Matches(readme).Select(match => new ReadmeBlock(
            match.Groups["language"].Value,
            readme.AsSpan(0, match.Index).Count('\n') + 1,
            match.Groups["text"].Value))];
    }

    public static IReadOnlyList<ReadmeBlock> OfLanguage(string language) =>
        [.. ReadAll().Where(block => block.Language == language)];

    public override string ToString() => $"README.md line {Line} ({Language})";

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<text>.*?)\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
