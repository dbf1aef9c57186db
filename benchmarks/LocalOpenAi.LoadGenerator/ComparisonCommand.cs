using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// The <c>compare</c> command: matches the JSON results of two servers by file name and concurrency
/// and prints each figure side by side with the ratio candidate / baseline.
/// </summary>
internal static class ComparisonCommand
{
    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,-14} {1,5}  {2,-20} {3,13} {4,13} {5,8}");

    public static int Run(string[] args)
    {
        var positional = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        if (positional.Count != 2 || !Directory.Exists(positional[0]) || !Directory.Exists(positional[1]))
        {
            Console.Error.WriteLine(LoadOptionsParser.Usage);
            return 2;
        }

        var baselineName = Named(args, "--baseline-name", "baseline");
        var candidateName = Named(args, "--candidate-name", "candidate");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "workload", "conc", "figure", baselineName, candidateName, "ratio"));
        foreach (var baselineFile in Directory.GetFiles(positional[0], "*.json").Order(StringComparer.Ordinal))
        {
            var candidateFile = Path.Combine(positional[1], Path.GetFileName(baselineFile));
            if (!File.Exists(candidateFile))
            {
                continue;
            }

            var baseline = Read(baselineFile);
            var candidate = Read(candidateFile);
            var workload = baseline.Label ?? Path.GetFileNameWithoutExtension(baselineFile);
            foreach (var level in baseline.Levels)
            {
                var match = candidate.Levels.FirstOrDefault(other => other.Concurrency == level.Concurrency);
                if (match is not null)
                {
                    WriteLevel(workload, level, match);
                }
            }
        }

        Console.WriteLine($"ratio = {candidateName} / {baselineName}: above 1 is better for tok/s, below 1 is better for times;");
        Console.WriteLine("prompt computed / cached are sums over the successful requests of each side.");
        return 0;
    }

    private static void WriteLevel(string workload, LevelSummary baseline, LevelSummary candidate)
    {
        var rows = new (string Figure, bool Count, Func<LevelSummary, double?> Value)[]
        {
            ("tok/s", false, level => level.CompletionTokensPerSecond),
            ("ttft p50 ms", false, level => level.TimeToFirstTokenMs?.P50),
            ("ttft p95 ms", false, level => level.TimeToFirstTokenMs?.P95),
            ("ttft p99 ms", false, level => level.TimeToFirstTokenMs?.P99),
            ("itl p50 ms", false, level => level.InterTokenMs?.P50),
            ("itl p99 ms", false, level => level.InterTokenMs?.P99),
            ("latency p50 ms", false, level => level.LatencyMs?.P50),
            ("latency p99 ms", false, level => level.LatencyMs?.P99),
            ("requests ok", true, level => level.Succeeded),
            ("prompt computed", true, level => level.PromptComputed),
            ("prompt cached", true, level => level.PromptCached),
        };
        var first = true;
        foreach (var (figure, count, value) in rows)
        {
            var ours = value(candidate);
            var theirs = value(baseline);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture, Format, first ? workload : string.Empty, first ? baseline.Concurrency.ToString(CultureInfo.InvariantCulture) : string.Empty,
                figure, Number(theirs, count), Number(ours, count), Ratio(ours, theirs)));
            first = false;
        }
    }

    private static LoadReport Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), LoadReportJson.Default.LoadReport)
        ?? throw new InvalidDataException($"{path} holds no load report");

    private static string Named(string[] args, string option, string fallback)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string Number(double? value, bool count) =>
        value is { } number ? number.ToString(count ? "F0" : "F1", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? candidate, double? baseline) =>
        candidate is { } ours && baseline is { } theirs && theirs != 0 ? (ours / theirs).ToString("F2", CultureInfo.InvariantCulture) : "-";
}
