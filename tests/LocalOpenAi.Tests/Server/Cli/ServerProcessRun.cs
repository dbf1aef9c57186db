using System.Diagnostics;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

/// <summary>Runs the real server executable (<c>dotnet LocalOpenAi.Server.dll ARGS</c>) to its exit and keeps what it printed.</summary>
internal sealed record ServerProcessRun(int ExitCode, string Output, string Error)
{
    public static Task<ServerProcessRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    public static async Task<ServerProcessRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = ServerExecutable.StartInfo(args);
        start.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server kept running: {await output}{await error}");
        }

        return new ServerProcessRun(process.ExitCode, await output, await error);
    }
}
