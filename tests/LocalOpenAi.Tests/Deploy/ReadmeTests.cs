using System.Reflection;
using System.Text.RegularExpressions;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>The README's lists of flags and metric series match the code, and its examples bound their generations.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(DeployFiles.PathOf("README.md"));

    [Fact]
    public void Every_serve_flag_is_documented()
    {
        Assert.All(ServeFlags.All, flag => Assert.Contains($"`{flag.Name}", Readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_metric_table_lists_exactly_the_series_the_code_defines()
    {
        var defined = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .Append("localopenai_rate_limit_store_fallbacks_total")
            .Order(StringComparer.Ordinal);
        var documented = MetricRow().Matches(Readme).Select(match => match.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(defined, documented);
    }

    [Fact]
    public void Every_generation_example_sets_max_tokens()
    {
        var examples = GenerationExample().Matches(Readme).Select(match => match.Value).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.Matches("max_tokens|max_summary_tokens|MaxOutputTokenCount", example));
    }

    [GeneratedRegex(@"^\| `(localopenai_[a-z_]+)[`{]", RegexOptions.Multiline)]
    private static partial Regex MetricRow();

    /// <summary>A curl call to a generating endpoint, up to the end of its (possibly continued) command.</summary>
    [GeneratedRegex(@"curl [^\n]*/v1/(chat/)?completions[^\n]*(\\\n[^\n]*|\n  [^\n]*)*")]
    private static partial Regex GenerationExample();
}
