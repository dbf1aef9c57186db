using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LocalOpenAi.Benchmarks.CacheHits;

/// <summary>A throwaway <c>redis-server</c> on 127.0.0.1 and a free port, without persistence.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Endpoint = $"127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<RedisProcess> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var redis = new RedisProcess(process, port);
        for (var attempt = 0; attempt < 250; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return redis;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        await redis.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not listen on {redis.Endpoint} within 5 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
