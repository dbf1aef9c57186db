using System.CommandLine;
using System.Text.Json;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Shadow;

/// <summary>
/// <c>export-shadow --out FILE [--disagreements-only] [--shadow FILE]</c>: the shadowed requests with the cloud's
/// answers, as an OpenAI chat fine-tuning dataset (what the local model should have said).
/// </summary>
internal sealed class ExportShadowCommand : ICliCommand
{
    public const string Name = "export-shadow";

    Command ICliCommand.Create()
    {
        var output = new Option<string>("--out") { Description = "The chat fine-tuning JSONL file to write", Required = true, HelpName = "FILE.jsonl" };
        var disagreements = new Option<bool>("--disagreements-only") { Description = "Only the requests where the local and cloud answers disagreed" };
        var shadow = new Option<string>("--shadow")
        {
            Description = "The shadow log the server wrote (Shadow:Path; env LOCALOPENAI__SHADOW__PATH)",
            HelpName = "SHADOW.jsonl",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LOCALOPENAI__SHADOW__PATH") ?? ShadowOptions.DefaultPath,
        };

        var command = new Command(Name, "Writes the shadowed requests with the cloud's answers as an OpenAI chat fine-tuning dataset.") { output, disagreements, shadow };
        command.SetAction(result => Run(result.GetValue(shadow)!, result.GetValue(output)!, result.GetValue(disagreements), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <returns>0 on success, 1 when a file could not be read or written.</returns>
    private static int Run(string shadowPath, string outPath, bool disagreementsOnly, TextWriter output, TextWriter error)
    {
        if (!File.Exists(shadowPath))
        {
            error.WriteLine($"error: no shadow log at {shadowPath}");
            return 1;
        }

        try
        {
            int read = 0, exported = 0, skipped = 0;
            var temporary = outPath + ".partial";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                foreach (var line in File.ReadLines(shadowPath).Where(line => line.Length > 0))
                {
                    read++;
                    var record = Read(line);
                    if (record is null || (disagreementsOnly && record.Agree) || !FineTuningExample.TryWrite(stream, record.Request, record.Cloud))
                    {
                        skipped++;
                        continue;
                    }

                    exported++;
                }
            }

            File.Move(temporary, outPath, overwrite: true);
            output.WriteLine($"exported {exported} examples to {outPath} from {read} shadowed requests ({skipped} skipped)");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static ShadowRecord? Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ShadowJson.Default.ShadowRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
