using System.Net;
using System.Net.Sockets;

namespace LocalOpenAi.Server.Hosting;

/// <summary>
/// Binds the listen address once before the host starts, so that a port in use is reported in one line
/// instead of as the host's start-up crash (with its stack trace) after the models began to load.
/// </summary>
/// <remarks>The port can still be taken between this probe and Kestrel's bind; <see cref="StartupFailure"/> covers that race.</remarks>
internal static class ListenAddressProbe
{
    /// <summary>Why <paramref name="host"/>:<paramref name="port"/> cannot be listened on, or null when it can (or cannot be probed: a host name, port 0).</summary>
    public static string? Problem(string host, int port)
    {
        var address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (address is null || port == 0)
        {
            return null;
        }

        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // Kestrel sets SO_REUSEADDR too: connections of an earlier run still in TIME_WAIT do not block it.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen();
            return null;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"cannot listen on {host}:{port}: the address is in use by another process (choose another with --port)"
                : $"cannot listen on {host}:{port}: {exception.Message}";
        }
    }
}
