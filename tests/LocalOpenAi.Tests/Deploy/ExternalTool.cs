using System.Diagnostics;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>Runs an optional command-line tool (hadolint, promtool, nginx, python3, bash) when it is on PATH.</summary>
internal static class ExternalTool
{
    public static bool IsInstalled(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));

    /// <summary>Runs the tool to completion (at most a minute) in the repository root.</summary>
    public static ToolRun Run(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name)
        {
            WorkingDirectory = DeployFiles.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} ran for more than a minute");
        }

        return new ToolRun(process.ExitCode, output.Result, error.Result);
    }
}
