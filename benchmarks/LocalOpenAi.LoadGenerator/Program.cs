namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// Entry point: <c>run</c> (the default) drives an OpenAI-compatible server, <c>compare</c> sets two
/// sets of JSON results side by side.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        if (args.Length > 0 && args[0] == "compare")
        {
            return ComparisonCommand.Run(args[1..], Console.Out);
        }

        var arguments = args.Length > 0 && args[0] == "run" ? args[1..] : args;
        if (!LoadOptionsParser.TryParse(arguments, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(LoadOptionsParser.Usage);
            return 2;
        }

        return await LoadCommand.RunAsync(options, cancellation.Token);
    }
}
