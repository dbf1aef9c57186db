using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace LocalOpenAi.Cache;

/// <summary>A cached generation response: a JSON body, or a recorded SSE stream replayed with its original chunking.</summary>
/// <remarks>
/// Wire format (version 1, little-endian): the 4 bytes <c>LOCR</c>, a format version byte, a
/// <see cref="CachedResponseKind"/> byte, the creation time as int64 Unix milliseconds, an int32
/// part count, then each part as int32 length + bytes. A JSON body is one part; a stream has one part
/// per <c>data:</c> payload, in order, without the <c>data: </c> prefix or blank-line terminator.
/// Whether <c>[DONE]</c> is recorded is up to the recorder; replay writes back exactly what was recorded.
/// </remarks>
public sealed class CachedResponse
{
    /// <summary>Version of the wire format; bump on incompatible change (old entries then read as garbage → miss).</summary>
    public const byte FormatVersion = 1;

    private const int HeaderSize = 4 + 1 + 1 + 8 + 4;
    private static readonly byte[] Magic = "LOCR"u8.ToArray();

    private CachedResponse(CachedResponseKind kind, IReadOnlyList<ReadOnlyMemory<byte>> parts, DateTimeOffset createdAt)
    {
        Kind = kind;
        Parts = parts;
        CreatedAt = createdAt;
    }

    /// <summary>JSON body or event stream.</summary>
    public CachedResponseKind Kind { get; }

    /// <summary>When the original response was generated.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The JSON body; empty for a stream.</summary>
    public ReadOnlyMemory<byte> Body => Kind == CachedResponseKind.Json ? Parts[0] : ReadOnlyMemory<byte>.Empty;

    /// <summary>The SSE <c>data:</c> payloads in order; empty for a JSON body.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Events => Kind == CachedResponseKind.EventStream ? Parts : [];

    private IReadOnlyList<ReadOnlyMemory<byte>> Parts { get; }

    /// <summary>A non-streamed JSON response.</summary>
    public static CachedResponse ForJson(ReadOnlyMemory<byte> body, DateTimeOffset createdAt) =>
        new(CachedResponseKind.Json, [body.ToArray()], createdAt);

    /// <summary>A streamed response, as the sequence of <c>data:</c> payloads that were sent.</summary>
    public static CachedResponse ForEventStream(IEnumerable<ReadOnlyMemory<byte>> events, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new(CachedResponseKind.EventStream, [.. events.Select(e => (ReadOnlyMemory<byte>)e.ToArray())], createdAt);
    }

    /// <summary>Encodes this response for a store.</summary>
    public byte[] Serialize()
    {
        var size = HeaderSize + Parts.Sum(p => 4L + p.Length);
        var buffer = new byte[checked((int)size)];
        var span = buffer.AsSpan();
        Magic.CopyTo(span);
        span[4] = FormatVersion;
        span[5] = (byte)Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[6..], CreatedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], Parts.Count);
        var offset = HeaderSize;
        foreach (var part in Parts)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], part.Length);
            part.Span.CopyTo(span[(offset + 4)..]);
            offset += 4 + part.Length;
        }

        return buffer;
    }

    /// <summary>Decodes bytes written by <see cref="Serialize"/>; false for anything else (foreign, truncated, other version).</summary>
    public static bool TryDeserialize(ReadOnlySpan<byte> data, [NotNullWhen(true)] out CachedResponse? response)
    {
        response = null;
        if (data.Length < HeaderSize || !data[..4].SequenceEqual(Magic) || data[4] != FormatVersion
            || data[5] is not ((byte)CachedResponseKind.Json or (byte)CachedResponseKind.EventStream))
        {
            return false;
        }

        var kind = (CachedResponseKind)data[5];
        var createdAtMs = BinaryPrimitives.ReadInt64LittleEndian(data[6..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data[14..]);
        if (count < 0 || (kind == CachedResponseKind.Json && count != 1) || count > (data.Length - HeaderSize) / 4
            || createdAtMs < -62135596800000L || createdAtMs > 253402300799999L)
        {
            return false;
        }

        var parts = new ReadOnlyMemory<byte>[count];
        var rest = data[HeaderSize..];
        for (var i = 0; i < count; i++)
        {
            if (rest.Length < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(rest);
            if (length < 0 || length > rest.Length - 4)
            {
                return false;
            }

            parts[i] = rest.Slice(4, length).ToArray();
            rest = rest[(4 + length)..];
        }

        if (!rest.IsEmpty)
        {
            return false;
        }

        response = new CachedResponse(kind, parts, DateTimeOffset.FromUnixTimeMilliseconds(createdAtMs));
        return true;
    }
}
