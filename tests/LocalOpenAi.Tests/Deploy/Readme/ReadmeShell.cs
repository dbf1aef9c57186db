using System.Diagnostics;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>
/// Runs a README bash block as written with bash, against a running server: <c>$B</c> and the README's
/// <c>http://127.0.0.1:8080</c> name that server, <c>curl</c> fails on any non-2xx answer, and
/// <c>dotnet run --project Server -c Release -- ARGS</c> runs the built server with ARGS: <c>--help</c>
/// must exit 0, anything else must serve (<c>/ready</c> answers 200) and stays up for the commands after it,
/// as in a second terminal.
/// </summary>
internal static class ReadmeShell
{
    /// <summary>Commands the test does not run, each with its reason; any other line runs.</summary>
    public static readonly IReadOnlyList<(string Marker, string Reason)> LinesNotRun =
    [
        ("hf:", "downloads a model from Hugging Face, and tests have no internet"),
        ("~/models/", "serves a GGUF file of the reader's own"),
        ("./test.sh", "runs the suite this test is part of"),
    ];

    private const string Prelude = """
        set -euo pipefail
        export ANTHROPIC_API_KEY=sk-ant-readme-test OPENAI_API_KEY=sk-readme-test
        curl() { command curl --silent --show-error --fail-with-body "$@"; echo; }
        readme_server=
        readme_log=$(mktemp)
        stop_readme_server() {
          if [ -n "$readme_server" ]; then kill "$readme_server" 2>/dev/null || true; wait "$readme_server" 2>/dev/null || true; fi
          readme_server=
        }
        trap 'stop_readme_server; rm -f "$readme_log"' EXIT
        dotnet() {
          local command="$*"
          [ "${command#run --project Server -c Release -- }" != "$command" ] || { echo "not a README server command: dotnet $*" >&2; return 1; }
          shift 6
          case " $* " in *" --help "*) command dotnet "$SERVER_DLL" "$@" > /dev/null; return;; esac
          stop_readme_server
          command dotnet "$SERVER_DLL" "$@" --port 0 > "$readme_log" 2>&1 &
          readme_server=$!
          local url=
          for _ in $(seq 1200); do
            url=$(grep -o -m 1 'http://127\.0\.0\.1:[0-9]*' "$readme_log" || true)
            if [ -n "$url" ] && command curl --silent --fail --max-time 10 "$url/ready" > /dev/null; then B=$url; return 0; fi
            kill -0 "$readme_server" 2>/dev/null || { echo "the server exited:" >&2; cat "$readme_log" >&2; return 1; }
            sleep 0.25
          done
          echo "the server did not become ready:" >&2; cat "$readme_log" >&2; return 1
        }

        """;

    public static async Task<(int ExitCode, string Output)> RunAsync(ReadmeBlock block, Uri server)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SERVER_DLL"] = typeof(ServerCommandLine).Assembly.Location;
        start.Environment["B"] = server.ToString().TrimEnd('/');
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(Prelude + Script(block));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string Script(ReadmeBlock block)
    {
        var commands = block.Text.Replace("\\\n", "\u0001", StringComparison.Ordinal).Split('\n')
            .Select(command => LinesNotRun.FirstOrDefault(rule => command.Contains(rule.Marker, StringComparison.Ordinal)) is { Reason: { } reason }
                ? $"echo 'not run: {reason.Replace("'", "'\\''", StringComparison.Ordinal)}'"
                : command.Replace("\u0001", "\\\n", StringComparison.Ordinal));
        return string.Join('\n', commands).Replace("http://127.0.0.1:8080", "$B", StringComparison.Ordinal) + "\n";
    }
}
