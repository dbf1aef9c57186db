using System.Globalization;
using System.Text;

namespace LocalOpenAi.LoadGenerator;

/// <summary>The human-readable table of a run: one row per concurrency level, times in milliseconds.</summary>
internal static class ReportTable
{
    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,5} {1,7} {2,8} {3,9} {4,9} {5,9} {6,8} {7,8} {8,9} {9,9} {10,8} {11,8} {12,9} {13,8}  {14}");

    public static void WriteHeader(TextWriter output) => output.WriteLine(string.Format(
        CultureInfo.InvariantCulture, Format, "conc", "ok/n", "tok/s", "ttft_p50", "ttft_p95", "ttft_p99", "itl_p50", "itl_p99",
        "lat_p50", "lat_p99", "prompt", "cached", "prompt_n", "cache_n", "errors"));

    public static void WriteRow(TextWriter output, LevelSummary level)
    {
        WriteFigures(output, level);
        foreach (var (kind, detail) in level.ErrorExamples)
        {
            output.WriteLine($"      {kind}, e.g.: {detail}");
        }
    }

    private static void WriteFigures(TextWriter output, LevelSummary level) => output.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        Format,
        level.Concurrency,
        $"{level.Succeeded}/{level.Requests}",
        level.CompletionTokensPerSecond.ToString("F1", CultureInfo.InvariantCulture),
        Ms(level.TimeToFirstTokenMs?.P50),
        Ms(level.TimeToFirstTokenMs?.P95),
        Ms(level.TimeToFirstTokenMs?.P99),
        Ms(level.InterTokenMs?.P50),
        Ms(level.InterTokenMs?.P99),
        Ms(level.LatencyMs?.P50),
        Ms(level.LatencyMs?.P99),
        Count(level.PromptTokens),
        Count(level.CachedPromptTokens),
        Count(level.PromptEvaluated),
        Count(level.PromptReused),
        level.Errors.Count == 0 ? "-" : string.Join(' ', level.Errors.Select(error => $"{error.Key}:{error.Value}"))));

    public static void WriteNotes(TextWriter output, IReadOnlyList<LevelSummary> levels)
    {
        output.WriteLine("tok/s: completion tokens of successful requests / wall time; ttft, itl (between content deltas), lat in ms;");
        output.WriteLine("prompt, cached: summed usage.prompt_tokens and prompt_tokens_details.cached_tokens; prompt_n, cache_n: llama-server timings ('-': not reported).");
        if (levels.Any(level => level.Succeeded > 0 && !level.TokensFromUsage))
        {
            output.WriteLine("note: some responses carried no usage; their completion tokens were counted as content deltas.");
        }
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString(ms < 100 ? "F1" : "F0", CultureInfo.InvariantCulture) : "-";

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
