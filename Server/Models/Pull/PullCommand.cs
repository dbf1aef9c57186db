namespace LocalOpenAi.Server.Models.Pull;

/// <summary><c>pull hf:OWNER/REPO[:QUANT]</c>: downloads a model into the cache and prints its path.</summary>
public static class PullCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "pull";

    private const string Usage = "usage: pull hf:OWNER/REPO[:QUANT]   (HF_ENDPOINT and HF_TOKEN are honoured)";

    /// <summary>Runs the command; the path goes to <paramref name="output"/>, progress and errors to <paramref name="error"/>.</summary>
    /// <returns>0 on success, 1 when the pull failed, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length != 1 || !HuggingFaceReference.TryParse(args[0], out var reference))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        PullOptions options;
        try
        {
            options = PullOptions.FromEnvironment();
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return 2;
        }

        var progress = ReferenceEquals(error, Console.Error) ? ConsoleProgressBar.ForStandardError() : new ConsoleProgressBar(error, interactive: false);
        var result = await new ModelPuller().PullAsync(reference, options, progress, cancellationToken);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"error: {result.Error}");
            return 1;
        }

        await output.WriteLineAsync(result.Path);
        return 0;
    }
}
