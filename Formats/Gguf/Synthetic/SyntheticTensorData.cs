using System.Buffers.Binary;

namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// Streams random weights straight in their quantised form: random int8 / 4-bit codes with one
/// scale per tensor (random sign per block), so no float buffer is ever built.
/// </summary>
internal static class SyntheticTensorData
{
    private const int ChunkBlocks = 1 << 15;

    // Root mean square of the codes: uniform int8 in [-128, 127], and (nibble - 8) for nibble in [0, 15].
    private const float Q8CodeRms = 73.9f;
    private const float Q4CodeRms = 4.637f;

    /// <summary>F32 data where every element is <paramref name="value"/> (norm weights).</summary>
    public static GgufTensorDataWriter Constant(ulong elements, float value) => destination =>
    {
        var chunk = new byte[(int)Math.Min(elements, ChunkBlocks) * 4];
        for (var i = 0; i < chunk.Length; i += 4)
        {
            BinaryPrimitives.WriteSingleLittleEndian(chunk.AsSpan(i), value);
        }

        for (var left = elements; left > 0;)
        {
            var count = (int)Math.Min(left, (ulong)(chunk.Length / 4));
            destination.Write(chunk, 0, count * 4);
            left -= (ulong)count;
        }
    };

    /// <summary>Random data of type <paramref name="type"/> with roughly zero mean and standard deviation <paramref name="std"/>.</summary>
    public static GgufTensorDataWriter Random(GgmlType type, ulong elements, float std, ulong seed, ulong stream) => destination =>
    {
        var rng = new Xoshiro256StarStar(seed, stream);
        switch (type)
        {
            case GgmlType.F16:
                WriteF16(destination, elements, std, ref rng);
                break;
            case GgmlType.Q8_0:
                WriteBlocks(destination, elements / 32, 34, (Half)(std / Q8CodeRms), ref rng);
                break;
            case GgmlType.Q4_0:
                WriteBlocks(destination, elements / 32, 18, (Half)(std / Q4CodeRms), ref rng);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "synthetic weights support F16, Q8_0 and Q4_0");
        }
    };

    private static void WriteBlocks(Stream destination, ulong blocks, int blockBytes, Half scale, ref Xoshiro256StarStar rng)
    {
        var positive = BitConverter.HalfToUInt16Bits(scale);
        var negative = (ushort)(positive | 0x8000);
        var chunk = new byte[(int)Math.Min(blocks, ChunkBlocks) * blockBytes];
        for (var left = blocks; left > 0;)
        {
            var count = (int)Math.Min(left, (ulong)(chunk.Length / blockBytes));
            var span = chunk.AsSpan(0, count * blockBytes);
            rng.Fill(span);
            for (var offset = 0; offset < span.Length; offset += blockBytes)
            {
                // The random low bit already in the scale slot picks the block's sign: zero mean for Q4_0.
                var bits = (span[offset] & 1) == 0 ? positive : negative;
                BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], bits);
            }

            destination.Write(span);
            left -= (ulong)count;
        }
    }

    private static void WriteF16(Stream destination, ulong elements, float std, ref Xoshiro256StarStar rng)
    {
        // Map each random 16-bit code to a uniform value in [-a, a] with a = std * sqrt(3).
        var halfRange = std * MathF.Sqrt(3f);
        var table = new ushort[65536];
        for (var code = 0; code < table.Length; code++)
        {
            var uniform = ((code + 0.5f) / 32768f) - 1f;
            table[code] = BitConverter.HalfToUInt16Bits((Half)(uniform * halfRange));
        }

        var chunk = new byte[(int)Math.Min(elements, ChunkBlocks * 32) * 2];
        for (var left = elements; left > 0;)
        {
            var count = (int)Math.Min(left, (ulong)(chunk.Length / 2));
            var span = chunk.AsSpan(0, count * 2);
            rng.Fill(span);
            for (var i = 0; i < span.Length; i += 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[i..], table[BinaryPrimitives.ReadUInt16LittleEndian(span[i..])]);
            }

            destination.Write(span);
            left -= (ulong)count;
        }
    }
}
