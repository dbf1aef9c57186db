namespace LocalOpenAi.Formats.Gguf;

/// <summary>A tensor's description from the GGUF header; the data itself is not read.</summary>
/// <param name="Name">Tensor name, e.g. <c>blk.0.attn_q.weight</c>.</param>
/// <param name="Dimensions">Sizes in ggml order (ne[0], the contiguous dimension, first).</param>
/// <param name="Type">Element type.</param>
/// <param name="Offset">Byte offset of the data relative to the start of the data section.</param>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<ulong> Dimensions, GgmlType Type, ulong Offset)
{
    /// <summary>Number of elements (product of the dimensions).</summary>
    public ulong ElementCount => Dimensions.Aggregate(1UL, (product, dimension) => product * dimension);

    /// <summary>Bytes of data, or null for a type whose block layout is unknown.</summary>
    public ulong? ByteSize => GgmlTypeLayout.TryGetByteSize(Type, Dimensions);
}
