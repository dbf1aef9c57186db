using System.Diagnostics;
using System.Text.RegularExpressions;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Cli;

/// <summary>The real server executable running on a free loopback port, with every line it writes to stdout kept.</summary>
internal sealed partial class RunningServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _written = new(0);

    private RunningServerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(line.Data);
                }

                _written.Release();
            }
        };
        _process.BeginOutputReadLine();
    }

    public HttpClient Http { get; } = new() { Timeout = TestLimits.Hang };

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts <c>serve</c> with <paramref name="args"/> and <c>--port 0</c>, and waits until it listens.</summary>
    public static async Task<RunningServerProcess> StartAsync(params string[] args)
    {
        var server = new RunningServerProcess(Process.Start(ServerExecutable.StartInfo([.. args, "--port", "0"]))!);
        var listening = await server.WaitForLineAsync(line => ListeningOn().IsMatch(line));
        server.Http.BaseAddress = new Uri(ListeningOn().Match(listening).Value + "/");
        return server;
    }

    /// <summary>The first line that matches, waiting for the process to write it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        while (true)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}");
            }

            await _written.WaitAsync(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _written.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}
