using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LocalOpenAi.Benchmarks;

/// <summary>Runs llama.cpp's own <c>llama-bench</c> on the same model and settings and reads its JSON.</summary>
internal static class LlamaBenchPeer
{
    public static (double PromptTokensPerSecond, double DecodeTokensPerSecond) Measure(string llamaBench, EngineBenchmarkOptions options)
    {
        var start = new ProcessStartInfo(llamaBench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", options.ModelPath, "-t", Text(options.Threads), "-p", Text(options.PromptTokens), "-n", Text(options.GeneratedTokens), "-r", "1", "-o", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"llama-bench exited with {process.ExitCode}");
        }

        double prompt = 0, decode = 0;
        foreach (var run in JsonDocument.Parse(output).RootElement.EnumerateArray())
        {
            var speed = run.GetProperty("avg_ts").GetDouble();
            if (run.GetProperty("n_prompt").GetInt32() > 0)
            {
                prompt = speed;
            }
            else
            {
                decode = speed;
            }
        }

        return (prompt, decode);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
