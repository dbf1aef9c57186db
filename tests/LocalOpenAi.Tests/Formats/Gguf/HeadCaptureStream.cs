namespace LocalOpenAi.Tests.Formats.Gguf;

/// <summary>A write-only sink that keeps the first bytes (the GGUF header) and discards the rest.</summary>
internal sealed class HeadCaptureStream(int capacity) : Stream
{
    private readonly MemoryStream _head = new();

    public byte[] Head => _head.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var keep = (int)Math.Min(buffer.Length, capacity - _head.Length);
        if (keep > 0)
        {
            _head.Write(buffer[..keep]);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
