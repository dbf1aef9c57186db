using System.Text;

namespace LocalOpenAi.Server.Backends;

/// <summary>Whole SSE frames: <c>data: …\n\n</c>, optionally after an <c>event:</c> line.</summary>
internal static class SseFrame
{
    public static byte[] Data(ReadOnlySpan<byte> payload) => Named(null, payload);

    public static byte[] Named(string? eventName, ReadOnlySpan<byte> payload)
    {
        var head = eventName is null ? "data: "u8.ToArray() : Encoding.UTF8.GetBytes($"event: {eventName}\ndata: ");
        var frame = new byte[head.Length + payload.Length + 2];
        head.CopyTo(frame, 0);
        payload.CopyTo(frame.AsSpan(head.Length));
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
