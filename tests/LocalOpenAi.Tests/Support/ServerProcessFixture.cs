using System.Diagnostics;

namespace LocalOpenAi.Tests.Support;

/// <summary>
/// A LocalOpenAi server in a process of its own, serving the tiny model: inputs that once crashed the
/// process run against it, so that a regression fails a test instead of killing the test run.
/// </summary>
public sealed class ServerProcessFixture : IAsyncLifetime
{
    private readonly List<string> _output = [];
    private Process? _process;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Whether the server process is gone (crashed or killed).</summary>
    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        _process = Process.Start(ServerExecutable.StartInfo(
        [
            "--model", TestModels.TinyPath, "--alias", ServerFixture.ModelAlias, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--parallel", "2", "--ctx-size", "4096", "--threads", "1", "--Logging:LogLevel:Default=Warning",
        ])) ?? throw new InvalidOperationException("the server process did not start");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TestLimits.Hang };
        if (!await ServerHost.WaitUntilReadyAsync(Http, () => _process.HasExited))
        {
            throw new InvalidOperationException($"the server process exited with {_process.ExitCode} before it was ready:\n{Output}");
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }
}
