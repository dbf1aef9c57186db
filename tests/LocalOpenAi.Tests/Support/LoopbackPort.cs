using System.Net;
using System.Net.Sockets;

namespace LocalOpenAi.Tests.Support;

/// <summary>Ports on 127.0.0.1 for servers that must be told theirs (processes, not Kestrel apps on port 0).</summary>
internal static class LoopbackPort
{
    /// <summary>A port that was free a moment ago: the system's choice for a listener closed at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
