using System.CommandLine;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Feedback;

/// <summary><c>export-feedback --out FILE [--min-rating N] [--feedback FILE]</c>: writes a chat fine-tuning dataset.</summary>
internal sealed class ExportFeedbackCommand : ICliCommand
{
    public const string Name = "export-feedback";

    Command ICliCommand.Create()
    {
        var output = new Option<string>("--out") { Description = "The chat fine-tuning JSONL file to write", Required = true, HelpName = "FILE.jsonl" };
        var minRating = new Option<int>("--min-rating")
        {
            Description = "Lowest rating (1-5) exported",
            DefaultValueFactory = _ => 4,
            CustomParser = result => OptionValues.Integer(result, minimum: 1, maximum: 5) ?? 0,
        };
        var feedback = new Option<string>("--feedback")
        {
            Description = "The feedback file the server wrote (Feedback:Path; env LOCALOPENAI__FEEDBACK__PATH)",
            HelpName = "FEEDBACK.jsonl",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LOCALOPENAI__FEEDBACK__PATH") ?? FeedbackOptions.DefaultPath,
        };

        var command = new Command(Name, "Writes the rated exchanges as an OpenAI chat fine-tuning dataset.") { output, minRating, feedback };
        command.SetAction(result => Run(result.GetValue(feedback)!, result.GetValue(output)!, result.GetValue(minRating), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <returns>0 on success, 1 when a file could not be read or written.</returns>
    private static int Run(string feedbackPath, string outPath, int minRating, TextWriter output, TextWriter error)
    {
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
