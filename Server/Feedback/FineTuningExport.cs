using System.Text.Json;

namespace LocalOpenAi.Server.Feedback;

/// <summary>
/// Turns the feedback file into an OpenAI chat fine-tuning dataset: one
/// <c>{"messages":[...the request's messages..., {"role":"assistant",...}]}</c> per line (with the
/// request's <c>tools</c> when it had any), from exchanges rated at least a threshold.
/// </summary>
/// <remarks>
/// When a request was rated more than once, the last rating counts. Records without an embedded
/// exchange, or whose exchange has no messages/prompt or no answer, are skipped and counted.
/// </remarks>
internal static class FineTuningExport
{
    /// <summary>Reads <paramref name="feedbackPath"/> and writes the dataset to <paramref name="outputPath"/> (replaced atomically).</summary>
    /// <exception cref="IOException">A file could not be read or written.</exception>
    public static ExportSummary Run(string feedbackPath, string outputPath, int minRating)
    {
        var (latest, unreadable) = ReadLatest(feedbackPath);
        int below = 0, withoutExchange = 0, exported = 0;
        var temporary = outputPath + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var record in latest)
            {
                if (record.Rating < minRating)
                {
                    below++;
                }
                else if (!record.HasExchange || !FineTuningExample.TryWrite(stream, record.Request!.Value, record.Response!.Value))
                {
                    withoutExchange++;
                }
                else
                {
                    exported++;
                }
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, outputPath, overwrite: true);
        return new ExportSummary(latest.Count, unreadable, below, withoutExchange, exported);
    }

    private static (List<FeedbackRecord> Latest, int Unreadable) ReadLatest(string path)
    {
        var latest = new Dictionary<string, FeedbackRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        var unreadable = 0;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            FeedbackRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, FeedbackJson.Default.FeedbackRecord);
            }
            catch (JsonException)
            {
                record = null;
            }

            if (record?.RequestId is null)
            {
                unreadable++;
                continue;
            }

            if (!latest.ContainsKey(record.RequestId))
            {
                order.Add(record.RequestId);
            }

            latest[record.RequestId] = record;
        }

        return (order.Select(id => latest[id]).ToList(), unreadable);
    }
}
