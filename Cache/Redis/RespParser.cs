using System.Buffers;
using System.Buffers.Text;

namespace LocalOpenAi.Cache.Redis;

/// <summary>Incremental RESP2 reply parser over buffered bytes that may end anywhere.</summary>
/// <remarks>
/// On <see cref="RespParseStatus.Incomplete"/> the reader has moved an unspecified distance; callers
/// rewind to where the reply started and try again once more bytes arrive. Re-parsing is cheap: a
/// bulk string's length is known from its header, so a 10 MB value is not rescanned per read.
/// </remarks>
internal static class RespParser
{
    /// <summary>A header line longer than this without CRLF is garbage, not a slow reply.</summary>
    internal const int MaxLineLength = 64 * 1024;

    private const long MaxBulkLength = 512L * 1024 * 1024;
    private const long MaxArrayLength = 16L * 1024 * 1024;
    private const int MaxDepth = 64;

    public static RespParseStatus TryParse(ref SequenceReader<byte> reader, out RedisReply? reply, out string? error)
        => TryParse(ref reader, 0, out reply, out error);

    private static RespParseStatus TryParse(ref SequenceReader<byte> reader, int depth, out RedisReply? reply, out string? error)
    {
        reply = null;
        error = null;
        if (!reader.TryRead(out var type))
        {
            return RespParseStatus.Incomplete;
        }

        var status = TryReadLine(ref reader, out var line, out error);
        if (status != RespParseStatus.Complete)
        {
            return status;
        }

        switch (type)
        {
            case (byte)'+':
                reply = RedisReply.SimpleString(line);
                return RespParseStatus.Complete;
            case (byte)'-':
                reply = RedisReply.Error(line);
                return RespParseStatus.Complete;
            case (byte)':':
                if (!TryParseInteger(line, out var integer, out error))
                {
                    return RespParseStatus.Invalid;
                }

                reply = RedisReply.FromInteger(integer);
                return RespParseStatus.Complete;
            case (byte)'$':
                return TryParseBulk(ref reader, line, out reply, out error);
            case (byte)'*':
                return TryParseArray(ref reader, line, depth, out reply, out error);
            default:
                error = $"unexpected RESP type byte 0x{type:x2}";
                return RespParseStatus.Invalid;
        }
    }

    private static RespParseStatus TryParseBulk(ref SequenceReader<byte> reader, byte[] header, out RedisReply? reply, out string? error)
    {
        reply = null;
        if (!TryParseInteger(header, out var length, out error) || length < -1 || length > MaxBulkLength)
        {
            error ??= $"invalid bulk length {length}";
            return RespParseStatus.Invalid;
        }

        if (length == -1)
        {
            reply = RedisReply.Bulk(null);
            return RespParseStatus.Complete;
        }

        if (reader.Remaining < length + 2)
        {
            return RespParseStatus.Incomplete;
        }

        var value = new byte[length];
        reader.UnreadSequence.Slice(0, length).CopyTo(value);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            error = "bulk string not terminated by CRLF";
            return RespParseStatus.Invalid;
        }

        reply = RedisReply.Bulk(value);
        return RespParseStatus.Complete;
    }

    private static RespParseStatus TryParseArray(ref SequenceReader<byte> reader, byte[] header, int depth, out RedisReply? reply, out string? error)
    {
        reply = null;
        if (!TryParseInteger(header, out var count, out error) || count < -1 || count > MaxArrayLength || depth >= MaxDepth)
        {
            error ??= depth >= MaxDepth ? "arrays nested too deeply" : $"invalid array length {count}";
            return RespParseStatus.Invalid;
        }

        if (count == -1)
        {
            reply = RedisReply.FromArray(null);
            return RespParseStatus.Complete;
        }

        var elements = new RedisReply[count];
        for (var i = 0; i < count; i++)
        {
            var status = TryParse(ref reader, depth + 1, out var element, out error);
            if (status != RespParseStatus.Complete)
            {
                return status;
            }

            elements[i] = element!;
        }

        reply = RedisReply.FromArray(elements);
        return RespParseStatus.Complete;
    }

    private static RespParseStatus TryReadLine(ref SequenceReader<byte> reader, out byte[] line, out string? error)
    {
        line = [];
        error = null;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> content, "\r\n"u8, advancePastDelimiter: true))
        {
            if (reader.Remaining > MaxLineLength)
            {
                error = "header line without CRLF";
                return RespParseStatus.Invalid;
            }

            return RespParseStatus.Incomplete;
        }

        line = content.ToArray();
        if (line.AsSpan().IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            error = "bare CR or LF inside a header line";
            return RespParseStatus.Invalid;
        }

        return RespParseStatus.Complete;
    }

    private static bool TryParseInteger(byte[] line, out long value, out string? error)
    {
        if (Utf8Parser.TryParse(line, out value, out var consumed) && consumed == line.Length && line.Length > 0)
        {
            error = null;
            return true;
        }

        error = "invalid integer in header line";
        return false;
    }
}
