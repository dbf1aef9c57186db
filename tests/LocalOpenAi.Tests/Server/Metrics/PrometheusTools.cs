using System.Diagnostics;

namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>Finds the real Prometheus binaries; their absence fails the test with instructions rather than skipping it.</summary>
internal static class PrometheusTools
{
    public static string Find(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"'{name}' is not on PATH; the Prometheus end-to-end tests need it: apt-get update && apt-get install -y prometheus");
    }

    /// <summary>Runs a tool to completion and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, string arguments, string? input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Find(name), arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
