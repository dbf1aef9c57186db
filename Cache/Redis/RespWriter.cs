using System.Buffers;
using System.Buffers.Text;

namespace LocalOpenAi.Cache.Redis;

/// <summary>Encodes a command as a RESP2 array of bulk strings.</summary>
internal static class RespWriter
{
    public static void WriteCommand(IBufferWriter<byte> writer, IReadOnlyList<ReadOnlyMemory<byte>> args)
    {
        WriteHeader(writer, (byte)'*', args.Count);
        foreach (var arg in args)
        {
            WriteHeader(writer, (byte)'$', arg.Length);
            writer.Write(arg.Span);
            writer.Write("\r\n"u8);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte prefix, int value)
    {
        var span = writer.GetSpan(16);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        writer.Advance(written + 3);
    }
}
