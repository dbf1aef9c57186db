using System.CommandLine;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary><c>pull hf:OWNER/REPO[:QUANT]</c>: downloads a model into the cache and prints its path.</summary>
internal sealed class PullCommand : ICliCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "pull";

    Command ICliCommand.Create()
    {
        var reference = new Argument<string>("hf:OWNER/REPO[:QUANT]") { Description = "A Hugging Face repository and, optionally, a quantization such as Q4_K_M" };
        reference.Validators.Add(result =>
        {
            if (!HuggingFaceReference.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"'{result.GetValueOrDefault<string>()}' is not hf:OWNER/REPO[:QUANT].");
            }
        });

        var command = new Command(
            Name,
            $"Downloads a GGUF model into {PullOptions.DefaultCacheDirectory} (resuming, checked against its SHA-256) and prints its path. " +
            "HF_ENDPOINT sets the Hub's address (a mirror), HF_TOKEN a token for gated models.")
        {
            reference,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(reference)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the command; the path goes to <paramref name="output"/>, progress and errors to <paramref name="error"/>.</summary>
    /// <returns>0 on success, 1 when the pull failed, 2 for a bad <c>HF_ENDPOINT</c>.</returns>
    private static async Task<int> RunAsync(string text, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        _ = HuggingFaceReference.TryParse(text, out var reference);
        PullOptions options;
        try
        {
            options = PullOptions.FromEnvironment();
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.UsageError;
        }

        var progress = ReferenceEquals(error, Console.Error) ? ConsoleProgressBar.ForStandardError() : new ConsoleProgressBar(error, interactive: false);
        var result = await new ModelPuller().PullAsync(reference!, options, progress, cancellationToken);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"error: {result.Error}");
            return 1;
        }

        await output.WriteLineAsync(result.Path);
        return 0;
    }
}
