using System.Net;
using System.Net.Sockets;

namespace LocalOpenAi.Tests.Cache;

/// <summary>A scripted TCP server on loopback: each accepted connection runs the handler with its 0-based index.</summary>
internal sealed class FakeRespServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _connections;

    public FakeRespServer(Func<NetworkStream, int, CancellationToken, Task> handler)
    {
        _listener.Start();
        _acceptLoop = AcceptAsync(handler);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Reads at least one complete line (a command's first bytes) from the client.</summary>
    public static async Task ReadSomeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        _ = await stream.ReadAsync(buffer, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<NetworkStream, int, CancellationToken, Task> handler)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var index = Interlocked.Increment(ref _connections) - 1;
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await handler(client.GetStream(), index, _stop.Token);
                    }
                    catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                    {
                    }
                }
            });
        }
    }
}
