namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// How many elements a ggml type packs per block and how many bytes a block takes,
/// so tensor byte sizes can be computed without loading any weights.
/// </summary>
public static class GgmlTypeLayout
{
    private const int QkK = 256;

    /// <summary>Returns (elements per block, bytes per block), or false for an unknown type.</summary>
    public static bool TryGetBlock(GgmlType type, out int blockElements, out int blockBytes)
    {
        (blockElements, blockBytes) = type switch
        {
            GgmlType.F32 => (1, 4),
            GgmlType.F16 => (1, 2),
            GgmlType.Q4_0 => (32, 2 + 16),
            GgmlType.Q4_1 => (32, 2 + 2 + 16),
            GgmlType.Q5_0 => (32, 2 + 4 + 16),
            GgmlType.Q5_1 => (32, 2 + 2 + 4 + 16),
            GgmlType.Q8_0 => (32, 2 + 32),
            GgmlType.Q8_1 => (32, 2 + 2 + 32),
            GgmlType.Q2_K => (QkK, 2 + 2 + (QkK / 16) + (QkK / 4)),
            GgmlType.Q3_K => (QkK, 2 + (QkK / 4) + (QkK / 8) + 12),
            GgmlType.Q4_K => (QkK, 2 + 2 + (QkK / 2) + 12),
            GgmlType.Q5_K => (QkK, 2 + 2 + (QkK / 2) + (QkK / 8) + 12),
            GgmlType.Q6_K => (QkK, 2 + (QkK / 2) + (QkK / 4) + (QkK / 16)),
            GgmlType.Q8_K => (QkK, 4 + QkK + (QkK / 8)),
            GgmlType.IQ2_XXS => (QkK, 2 + (QkK / 4)),
            GgmlType.IQ2_XS => (QkK, 2 + (QkK / 4) + (QkK / 32)),
            GgmlType.IQ3_XXS => (QkK, 2 + (QkK / 4) + (QkK / 8)),
            GgmlType.IQ1_S => (QkK, 2 + (QkK / 8) + (QkK / 16)),
            GgmlType.IQ4_NL => (32, 2 + 16),
            GgmlType.IQ3_S => (QkK, 2 + (QkK / 4) + (QkK / 8) + (QkK / 32) + 4),
            GgmlType.IQ2_S => (QkK, 2 + (QkK / 4) + (QkK / 16)),
            GgmlType.IQ4_XS => (QkK, 2 + 2 + (QkK / 2) + (QkK / 64)),
            GgmlType.I8 => (1, 1),
            GgmlType.I16 => (1, 2),
            GgmlType.I32 => (1, 4),
            GgmlType.I64 => (1, 8),
            GgmlType.F64 => (1, 8),
            GgmlType.IQ1_M => (QkK, (QkK / 8) + (QkK / 16) + (QkK / 32)),
            GgmlType.BF16 => (1, 2),
            GgmlType.TQ1_0 => (QkK, 2 + (4 * 13)),
            GgmlType.TQ2_0 => (QkK, 2 + 64),
            GgmlType.MXFP4 => (32, 1 + 16),
            GgmlType.NVFP4 => (64, 4 + 32),
            GgmlType.Q1_0 => (128, 2 + 16),
            GgmlType.Q2_0 => (64, 2 + 16),
            _ => (0, 0),
        };
        return blockElements != 0;
    }

    /// <summary>
    /// Bytes taken by a row-major tensor of <paramref name="dimensions"/> (ggml order, ne[0] first),
    /// or null when the type is unknown, ne[0] is not a whole number of blocks, or the size overflows.
    /// </summary>
    public static ulong? TryGetByteSize(GgmlType type, IReadOnlyList<ulong> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (!TryGetBlock(type, out var blockElements, out var blockBytes))
        {
            return null;
        }

        if (dimensions.Count == 0 || dimensions[0] % (ulong)blockElements != 0)
        {
            return null;
        }

        try
        {
            var size = checked(dimensions[0] / (ulong)blockElements * (ulong)blockBytes);
            for (var i = 1; i < dimensions.Count; i++)
            {
                size = checked(size * dimensions[i]);
            }

            return size;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Bytes taken by a tensor; throws <see cref="ArgumentException"/> for a shape the type cannot hold.</summary>
    public static ulong GetByteSize(GgmlType type, IReadOnlyList<ulong> dimensions) =>
        TryGetByteSize(type, dimensions)
        ?? throw new ArgumentException($"a {type} tensor cannot have dimensions [{string.Join(", ", dimensions)}]", nameof(dimensions));
}
