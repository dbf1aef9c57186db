namespace LocalOpenAi.Server.Feedback;

/// <summary><c>export-feedback --out FILE [--min-rating N] [--feedback FILE]</c>: writes a chat fine-tuning dataset.</summary>
public static class ExportFeedbackCommand
{
    public const string Name = "export-feedback";

    private const string Usage = "usage: export-feedback --out FILE.jsonl [--min-rating 1-5 (default 4)] [--feedback FEEDBACK.jsonl]";

    /// <param name="defaultFeedbackPath">The configured feedback file, used when <c>--feedback</c> is not given.</param>
    /// <returns>0 on success, 1 when a file could not be read or written, 2 for a usage error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, string? defaultFeedbackPath = null)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        var known = options.Keys.All(key => key is "--out" or "--min-rating" or "--feedback");
        if (args.Length % 2 != 0 || !known || !options.TryGetValue("--out", out var outPath)
            || !int.TryParse(options.GetValueOrDefault("--min-rating", "4"), out var minRating) || minRating is < 1 or > 5)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var feedbackPath = options.GetValueOrDefault("--feedback") ?? defaultFeedbackPath ?? FeedbackOptions.DefaultPath;
        if (!File.Exists(feedbackPath))
        {
            error.WriteLine($"error: no feedback file at {feedbackPath}");
            return 1;
        }

        try
        {
            var summary = FineTuningExport.Run(feedbackPath, outPath, minRating);
            output.WriteLine(
                $"exported {summary.Exported} examples to {outPath} from {summary.Rated} rated requests " +
                $"({summary.BelowThreshold} rated below {minRating}, {summary.WithoutExchange} without a recorded exchange, {summary.Unreadable} unreadable lines)");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }
}
