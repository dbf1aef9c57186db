using System.Buffers.Binary;

namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Converts float data to and from the ggml types F32, F16, Q8_0 and Q4_0, bit-compatible with
/// ggml's reference quantisers (<c>quantize_row_q8_0_ref</c>, <c>quantize_row_q4_0_ref</c>).
/// </summary>
public static class GgmlQuantizer
{
    private const int BlockElements = 32;
    private const int Q8BlockBytes = 2 + 32;
    private const int Q4BlockBytes = 2 + 16;

    /// <summary>True for the types this class can quantise and dequantise.</summary>
    public static bool Supports(GgmlType type) => type is GgmlType.F32 or GgmlType.F16 or GgmlType.Q8_0 or GgmlType.Q4_0;

    /// <summary>Bytes needed to hold <paramref name="elementCount"/> values of <paramref name="type"/>.</summary>
    public static int GetByteCount(GgmlType type, int elementCount) =>
        checked((int)GgmlTypeLayout.GetByteSize(type, [(ulong)elementCount]));

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">Unsupported type, length not a multiple of the block, or destination of the wrong size.</exception>
    public static void Quantize(GgmlType type, ReadOnlySpan<float> source, Span<byte> destination)
    {
        CheckSizes(type, source.Length, destination.Length);
        switch (type)
        {
            case GgmlType.F32:
                for (var i = 0; i < source.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(destination[(i * 4)..], source[i]);
                }

                break;
            case GgmlType.F16:
                for (var i = 0; i < source.Length; i++)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(destination[(i * 2)..], (Half)source[i]);
                }

                break;
            case GgmlType.Q8_0:
                for (var b = 0; b < source.Length / BlockElements; b++)
                {
                    QuantizeQ8Block(source.Slice(b * BlockElements, BlockElements), destination.Slice(b * Q8BlockBytes, Q8BlockBytes));
                }

                break;
            default:
                for (var b = 0; b < source.Length / BlockElements; b++)
                {
                    QuantizeQ4Block(source.Slice(b * BlockElements, BlockElements), destination.Slice(b * Q4BlockBytes, Q4BlockBytes));
                }

                break;
        }
    }

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">Unsupported type or sizes that do not match.</exception>
    public static void Dequantize(GgmlType type, ReadOnlySpan<byte> source, Span<float> destination)
    {
        CheckSizes(type, destination.Length, source.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = type switch
            {
                GgmlType.F32 => BinaryPrimitives.ReadSingleLittleEndian(source[(i * 4)..]),
                GgmlType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(source[(i * 2)..]),
                GgmlType.Q8_0 => DequantizeQ8(source.Slice(i / BlockElements * Q8BlockBytes, Q8BlockBytes), i % BlockElements),
                _ => DequantizeQ4(source.Slice(i / BlockElements * Q4BlockBytes, Q4BlockBytes), i % BlockElements),
            };
        }
    }

    private static void QuantizeQ8Block(ReadOnlySpan<float> x, Span<byte> block)
    {
        var amax = 0f;
        foreach (var v in x)
        {
            amax = MathF.Max(amax, MathF.Abs(v));
        }

        var d = amax / 127f;
        var id = d != 0 ? 1f / d : 0f;
        BinaryPrimitives.WriteHalfLittleEndian(block, (Half)d);
        for (var j = 0; j < BlockElements; j++)
        {
            block[2 + j] = unchecked((byte)(sbyte)MathF.Round(x[j] * id, MidpointRounding.AwayFromZero));
        }
    }

    private static void QuantizeQ4Block(ReadOnlySpan<float> x, Span<byte> block)
    {
        // The signed value of largest magnitude maps to -8, so the full range [-8, 7] is used.
        var amax = 0f;
        var max = 0f;
        foreach (var v in x)
        {
            if (amax < MathF.Abs(v))
            {
                amax = MathF.Abs(v);
                max = v;
            }
        }

        var d = max / -8f;
        var id = d != 0 ? 1f / d : 0f;
        BinaryPrimitives.WriteHalfLittleEndian(block, (Half)d);
        for (var j = 0; j < BlockElements / 2; j++)
        {
            var low = Math.Min(15, (int)((x[j] * id) + 8.5f));
            var high = Math.Min(15, (int)((x[j + (BlockElements / 2)] * id) + 8.5f));
            block[2 + j] = (byte)(low | (high << 4));
        }
    }

    private static float DequantizeQ8(ReadOnlySpan<byte> block, int j) =>
        (float)BinaryPrimitives.ReadHalfLittleEndian(block) * unchecked((sbyte)block[2 + j]);

    private static float DequantizeQ4(ReadOnlySpan<byte> block, int j)
    {
        var packed = block[2 + (j % (BlockElements / 2))];
        var nibble = j < BlockElements / 2 ? packed & 0x0F : packed >> 4;
        return (float)BinaryPrimitives.ReadHalfLittleEndian(block) * (nibble - 8);
    }

    private static void CheckSizes(GgmlType type, int elements, int bytes)
    {
        if (!Supports(type))
        {
            throw new ArgumentException($"ggml type {type} is not supported; use F32, F16, Q8_0 or Q4_0", nameof(type));
        }

        var blockElements = type is GgmlType.Q8_0 or GgmlType.Q4_0 ? BlockElements : 1;
        if (elements % blockElements != 0)
        {
            throw new ArgumentException($"{type} needs a multiple of {blockElements} values, got {elements}");
        }

        var expected = GetByteCount(type, elements);
        if (bytes != expected)
        {
            throw new ArgumentException($"{elements} values of {type} take {expected} bytes, got a buffer of {bytes}");
        }
    }
}
