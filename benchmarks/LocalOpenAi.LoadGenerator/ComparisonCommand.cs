using System.Globalization;
using System.Text;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// The <c>compare</c> command: matches the JSON results of two servers by round, file name and
/// concurrency and prints each figure side by side with the ratio candidate / baseline; over several
/// rounds, the medians and the spread of the rounds' own ratios.
/// </summary>
internal static class ComparisonCommand
{
    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,-14} {1,5}  {2,-20} {3,13} {4,13} {5,8}  {6}");

    public static int Run(string[] args, TextWriter output)
    {
        var positional = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        if (positional.Count != 2 || !Directory.Exists(positional[0]) || !Directory.Exists(positional[1]))
        {
            Console.Error.WriteLine(LoadOptionsParser.Usage);
            return 2;
        }

        var baselineName = Named(args, "--baseline-name", "baseline");
        var candidateName = Named(args, "--candidate-name", "candidate");
        var baselineRounds = ReportRounds.Read(positional[0]);
        var candidateRounds = ReportRounds.Read(positional[1]);
        var rounds = Math.Min(baselineRounds.Count, candidateRounds.Count);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "workload", "conc", "figure", baselineName, candidateName, "ratio", rounds > 1 ? "per round" : string.Empty).TrimEnd());
        foreach (var file in baselineRounds[0].Keys.Order(StringComparer.Ordinal))
        {
            foreach (var level in baselineRounds[0][file].Levels)
            {
                var pairs = Enumerable.Range(0, rounds)
                    .Select(round => (Baseline: FindLevel(baselineRounds[round], file, level.Concurrency), Candidate: FindLevel(candidateRounds[round], file, level.Concurrency)))
                    .Where(pair => pair.Baseline is not null && pair.Candidate is not null)
                    .Select(pair => (pair.Baseline!, pair.Candidate!))
                    .ToList();
                if (pairs.Count > 0)
                {
                    WriteLevel(output, baselineRounds[0][file].Label ?? Path.GetFileNameWithoutExtension(file), level.Concurrency, pairs);
                }
            }
        }

        output.WriteLine($"ratio = {candidateName} / {baselineName}: above 1 is better for tok/s, below 1 is better for times;");
        output.WriteLine("prompt computed / cached are sums over the successful requests of each side.");
        if (rounds > 1)
        {
            output.WriteLine($"{rounds} rounds: each figure is the median over the rounds, the ratio is of the medians, and 'per round' is the range of the rounds' own ratios.");
        }

        return 0;
    }

    private static LevelSummary? FindLevel(IReadOnlyDictionary<string, LoadReport> round, string file, int concurrency) =>
        round.GetValueOrDefault(file)?.Levels.FirstOrDefault(level => level.Concurrency == concurrency);

    private static void WriteLevel(TextWriter output, string workload, int concurrency, IReadOnlyList<(LevelSummary Baseline, LevelSummary Candidate)> rounds)
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
            var theirs = Median(rounds.Select(round => value(round.Baseline)));
            var ours = Median(rounds.Select(round => value(round.Candidate)));
            var perRound = rounds.Count > 1 ? RatioRange(rounds.Select(round => Ratio(value(round.Candidate), value(round.Baseline)))) : string.Empty;
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture, Format, first ? workload : string.Empty, first ? concurrency.ToString(CultureInfo.InvariantCulture) : string.Empty,
                figure, Number(theirs, count), Number(ours, count), Number(Ratio(ours, theirs), digits: 2), perRound).TrimEnd());
            first = false;
        }
    }

    /// <summary>The median of the values present; null when none is.</summary>
    internal static double? Median(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().Order().ToList();
        return present.Count > 0 ? Percentiles.Of(present, 0.5) : null;
    }

    private static string RatioRange(IEnumerable<double?> ratios)
    {
        var present = ratios.OfType<double>().ToList();
        return present.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{present.Min():F2}-{present.Max():F2}")
            : "-";
    }

    private static string Named(string[] args, string option, string fallback)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string Number(double? value, bool count) => Number(value, count ? 0 : 1);

    private static string Number(double? value, int digits) =>
        value is { } number ? number.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static double? Ratio(double? candidate, double? baseline) =>
        candidate is { } ours && baseline is { } theirs && theirs != 0 ? ours / theirs : null;
}
