using System.Buffers.Binary;
using System.Text;

namespace LocalOpenAi.Formats.Gguf;

/// <summary>Little-endian GGUF primitives and values written to a counting stream.</summary>
internal sealed class GgufPrimitiveWriter(CountingWriteStream stream)
{
    private readonly byte[] _scratch = new byte[8];

    public long Offset => stream.BytesWritten;

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_scratch, value);
        stream.Write(_scratch.AsSpan(0, 4));
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scratch, value);
        stream.Write(_scratch.AsSpan(0, 8));
    }

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteUInt64((ulong)bytes.Length);
        stream.Write(bytes);
    }

    public void WritePadding(uint alignment)
    {
        var padding = GgufReader.AlignUp(Offset, alignment) - Offset;
        Span<byte> zeros = stackalloc byte[(int)padding];
        zeros.Clear();
        stream.Write(zeros);
    }

    public void WriteValue(GgufValue value)
    {
        if (value.IsArray)
        {
            WriteUInt32((uint)value.ElementType);
            WriteUInt64((ulong)value.Count);
            foreach (var item in (System.Collections.IEnumerable)value.RawValue)
            {
                WriteElement(value.ElementType, item);
            }

            return;
        }

        WriteElement(value.Type, value.RawValue);
    }

    private void WriteElement(GgufValueType type, object item)
    {
        switch (item)
        {
            case GgufValue nested:
                // An element of an array of arrays is (element type, count, items), with no extra type tag.
                WriteValue(nested);
                break;
            case string s:
                WriteString(s);
                break;
            case bool b:
                stream.WriteByte(b ? (byte)1 : (byte)0);
                break;
            case byte u8:
                stream.WriteByte(u8);
                break;
            case sbyte i8:
                stream.WriteByte(unchecked((byte)i8));
                break;
            case ushort u16:
                BinaryPrimitives.WriteUInt16LittleEndian(_scratch, u16);
                stream.Write(_scratch.AsSpan(0, 2));
                break;
            case short i16:
                BinaryPrimitives.WriteInt16LittleEndian(_scratch, i16);
                stream.Write(_scratch.AsSpan(0, 2));
                break;
            case uint u32:
                WriteUInt32(u32);
                break;
            case int i32:
                WriteUInt32(unchecked((uint)i32));
                break;
            case float f32:
                BinaryPrimitives.WriteSingleLittleEndian(_scratch, f32);
                stream.Write(_scratch.AsSpan(0, 4));
                break;
            case ulong u64:
                WriteUInt64(u64);
                break;
            case long i64:
                WriteUInt64(unchecked((ulong)i64));
                break;
            case double f64:
                BinaryPrimitives.WriteDoubleLittleEndian(_scratch, f64);
                stream.Write(_scratch.AsSpan(0, 8));
                break;
            default:
                throw new InvalidOperationException($"cannot write GGUF {type} value of CLR type {item.GetType().Name}");
        }
    }
}
