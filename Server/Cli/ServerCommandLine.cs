using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Cli;

/// <summary>The process entry: a subcommand (<c>make-model</c>) or the HTTP server.</summary>
public static class ServerCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == MakeModelCommand.Name)
        {
            return MakeModelCommand.Run(args[1..], Console.Out, Console.Error);
        }

        try
        {
            var app = ServerApplication.Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (CommandLineException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return 2;
        }
    }
}
