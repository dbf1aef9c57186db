using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Server.Cli;

/// <summary>The process entry: a subcommand (<c>make-model</c>) or the HTTP server.</summary>
public static class ServerCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case MakeModelCommand.Name:
                return MakeModelCommand.Run(args[1..], Console.Out, Console.Error);
            case PullCommand.Name:
                return await PullCommand.RunAsync(args[1..], Console.Out, Console.Error);
            case CalibrateRouterCommand.Name:
                return CalibrateRouterCommand.Run(args[1..], Console.Out, Console.Error);
            case TrainRouterCommand.Name:
                return TrainRouterCommand.Run(args[1..], Console.Out, Console.Error);
            case ExportFeedbackCommand.Name:
                return ExportFeedbackCommand.Run(args[1..], Console.Out, Console.Error, Environment.GetEnvironmentVariable("LOCALOPENAI__FEEDBACK__PATH"));
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
