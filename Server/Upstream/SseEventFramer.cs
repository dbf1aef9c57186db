namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// Holds back the unfinished tail of an SSE byte stream so that only whole events (ending in a
/// blank line) are relayed: a cut then never leaves half an event before our error event.
/// </summary>
/// <remarks>Bytes are passed on unchanged; a tail longer than <c>maxPending</c> is released as it is.</remarks>
internal sealed class SseEventFramer(int maxPending)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _count;
    private int _released;

    /// <summary>The held-back bytes after the last whole event.</summary>
    public ReadOnlyMemory<byte> Rest => _buffer.AsMemory(_released, _count - _released);

    /// <summary>Adds <paramref name="bytes"/>; returns the whole events now ready (valid until the next call).</summary>
    public ReadOnlyMemory<byte> Push(ReadOnlySpan<byte> bytes)
    {
        if (_released > 0)
        {
            Buffer.BlockCopy(_buffer, _released, _buffer, 0, _count - _released);
            _count -= _released;
            _released = 0;
        }

        if (_count + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
        var pending = _buffer.AsSpan(0, _count);
        _released = pending.Length > maxPending ? pending.Length : LastBoundary(pending);
        return _buffer.AsMemory(0, _released);
    }

    private static int LastBoundary(ReadOnlySpan<byte> bytes)
    {
        var lf = bytes.LastIndexOf("\n\n"u8);
        var crlf = bytes.LastIndexOf("\n\r\n"u8);
        return Math.Max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 3);
    }
}
