using System.Text.Json;
using LocalOpenAi.LoadGenerator;

namespace LocalOpenAi.Tests.Benchmarks;

public sealed class ComparisonCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("localopenai-compare-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Over_several_rounds_prints_the_median_of_each_side_and_the_spread_of_the_rounds_ratios()
    {
        var baseline = WriteRounds("llama-server", [40.0, 44.0, 36.0]);
        var candidate = WriteRounds("ours", [38.0, 43.0, 36.0]);
        using var output = new StringWriter();

        var exit = ComparisonCommand.Run([baseline, candidate, "--baseline-name", "llama-server", "--candidate-name", "ours"], output);

        Assert.Equal(0, exit);
        var tokensRow = output.ToString().Split('\n').Single(line => line.Contains("tok/s", StringComparison.Ordinal) && line.Contains("1-single", StringComparison.Ordinal));
        Assert.Equal(["1-single", "1", "tok/s", "40.0", "38.0", "0.95", "0.95-1.00"], tokensRow.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("3 rounds", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_reports_is_one_round_without_a_spread_column()
    {
        var baseline = WriteRound(Path.Combine(_root, "a"), 40.0);
        var candidate = WriteRound(Path.Combine(_root, "b"), 39.0);
        using var output = new StringWriter();

        ComparisonCommand.Run([baseline, candidate], output);

        var tokensRow = output.ToString().Split('\n').Single(line => line.Contains("tok/s", StringComparison.Ordinal) && line.Contains("1-single", StringComparison.Ordinal));
        Assert.Equal(["1-single", "1", "tok/s", "40.0", "39.0", "0.97"], tokensRow.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_median_ignores_missing_values_and_is_null_without_any()
    {
        Assert.Equal(2.5, ComparisonCommand.Median([4.0, null, 1.0, 2.0, 3.0]));
        Assert.Null(ComparisonCommand.Median([null, null]));
    }

    private string WriteRounds(string server, double[] tokensPerSecond)
    {
        var folder = Path.Combine(_root, server);
        for (var round = 0; round < tokensPerSecond.Length; round++)
        {
            WriteRound(Path.Combine(folder, $"round-{round + 1}"), tokensPerSecond[round]);
        }

        return folder;
    }

    private static string WriteRound(string folder, double tokensPerSecond)
    {
        Directory.CreateDirectory(folder);
        var level = new LevelSummary(
            Concurrency: 1, Requests: 8, Succeeded: 8, Errors: new Dictionary<string, int>(), ErrorExamples: new Dictionary<string, string>(),
            WallSeconds: 256 / tokensPerSecond, CompletionTokens: 256, TokensFromUsage: true, CompletionTokensPerSecond: tokensPerSecond,
            TimeToFirstTokenMs: Distribution.From([100, 120]), InterTokenMs: Distribution.From([20, 21]), LatencyMs: Distribution.From([700, 760]),
            PromptTokens: 400, CachedPromptTokens: 300, PromptEvaluated: null, PromptReused: null);
        var report = new LoadReport(null, "http://127.0.0.1:1/v1", "m", 32, 16, 0, IgnoreEos: true, DateTimeOffset.UnixEpoch, [level]);
        File.WriteAllText(Path.Combine(folder, "1-single.json"), JsonSerializer.Serialize(report, LoadReportJson.Default.LoadReport));
        return folder;
    }
}
