using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "LocalOpenAi.Server.dll"), "--model", TestModels.TinyPath, "--alias", ServerFixture.ModelAlias,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parallel", "2", "--ctx-size", "4096", "--threads", "1",
            "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TestLimits.Hang };
        while (!_process.HasExited)
        {
            try
            {
                if ((await Http.GetAsync("ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"the server process exited with {_process.ExitCode} before it was ready:\n{Output}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
