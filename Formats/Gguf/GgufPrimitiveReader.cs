using System.Buffers.Binary;
using System.Text;

namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Little-endian reads from a stream that track the offset and turn every short read or absurd
/// length into a <see cref="GgufFormatException"/>.
/// </summary>
internal sealed class GgufPrimitiveReader
{
    // Caps that hold even when the stream length is unknown, so a corrupt count cannot exhaust memory.
    private const long MaxStringBytes = 256L * 1024 * 1024;
    private const long MaxUnboundedCount = 1L << 28;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly long _length;
    private readonly byte[] _scratch = new byte[8];

    public GgufPrimitiveReader(Stream stream)
    {
        _stream = stream;
        _length = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
    }

    /// <summary>Bytes consumed since reading began.</summary>
    public long Offset { get; private set; }

    /// <summary>Bytes known to remain, or <see cref="long.MaxValue"/> for a stream of unknown length.</summary>
    public long Remaining => _length - Offset;

    /// <summary>Total bytes of the GGUF, or null when unknown.</summary>
    public long? Length => _length == long.MaxValue ? null : _length;

    public byte ReadUInt8(string what) => Fill(1, what)[0];

    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Fill(2, what));

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Fill(4, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Fill(8, what));

    public float ReadFloat32(string what) => BinaryPrimitives.ReadSingleLittleEndian(Fill(4, what));

    public double ReadFloat64(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Fill(8, what));

    public bool ReadBool(string what)
    {
        var at = Offset;
        var value = ReadUInt8(what);
        return value <= 1 ? value == 1 : throw new GgufFormatException($"invalid GGUF bool {value} for {what} at offset {at}");
    }

    public string ReadString(string what)
    {
        var at = Offset;
        var length = ReadUInt64($"length of {what}");
        if (length > (ulong)Math.Min(Remaining, MaxStringBytes))
        {
            throw new GgufFormatException(length > (ulong)MaxStringBytes
                ? $"GGUF string length {length} of {what} at offset {at} exceeds the {MaxStringBytes}-byte limit"
                : $"truncated GGUF: string length {length} of {what} at offset {at} exceeds the {Remaining} bytes left");
        }

        var bytes = new byte[(int)length];
        ReadExactly(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new GgufFormatException($"GGUF string {what} at offset {at} is not valid UTF-8", ex);
        }
    }

    /// <summary>Reads a 64-bit count and checks that <paramref name="minBytesEach"/> per item can still fit.</summary>
    public int ReadCount(string what, int minBytesEach)
    {
        var at = Offset;
        var count = ReadUInt64(what);
        var limit = Math.Min(MaxUnboundedCount, Remaining / Math.Max(1, minBytesEach));
        if (count > (ulong)limit)
        {
            throw new GgufFormatException(count > MaxUnboundedCount
                ? $"GGUF {what} {count} at offset {at} exceeds the limit of {MaxUnboundedCount}"
                : $"truncated GGUF: {what} {count} at offset {at} cannot fit in the {Remaining} bytes left");
        }

        return (int)count;
    }

    public void Skip(long bytes, string what)
    {
        var buffer = new byte[Math.Min(bytes, 4096)];
        while (bytes > 0)
        {
            var chunk = (int)Math.Min(bytes, buffer.Length);
            ReadExactly(buffer.AsSpan(0, chunk), what);
            bytes -= chunk;
        }
    }

    private ReadOnlySpan<byte> Fill(int count, string what)
    {
        var span = _scratch.AsSpan(0, count);
        ReadExactly(span, what);
        return span;
    }

    private void ReadExactly(Span<byte> destination, string what)
    {
        var read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length)
        {
            throw new GgufFormatException(
                $"truncated GGUF: needed {destination.Length} bytes for {what} at offset {Offset}, found {read}");
        }

        Offset += read;
    }
}
