using System.Diagnostics;
using System.Text.RegularExpressions;
using LocalOpenAi.Tests.Server.Cli;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>
/// Runs the README's curl examples, as written, with bash against the real server process (the tiny model
/// serving under the README's alias): every call must answer 2xx.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    [Fact]
    public async Task Every_curl_example_answers_successfully()
    {
        var readme = await File.ReadAllTextAsync(DeployFiles.PathOf("README.md"));
        var examples = ExamplesBlock().Match(readme).Groups[1].Value;
        Assert.Contains("curl", examples);
        await using var server = await RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", "synthetic-small", "--embeddings", "--parallel", "2");

        var script =
            "set -euo pipefail\n" +
            "curl() { command curl --silent --show-error --fail-with-body --max-time 120 \"$@\"; echo; }\n" +
            examples.Replace("B=http://127.0.0.1:8080", "B=" + server.Http.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var (exitCode, output) = await RunBashAsync(script);

        Assert.True(exitCode == 0, $"an example failed (exit {exitCode}):\n{output}");
        Assert.Contains("\"object\":\"chat.completion\"", output);
        Assert.Contains("data: [DONE]", output);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The first bash block under "## Examples".</summary>
    [GeneratedRegex(@"## Examples\n```bash\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplesBlock();
}
