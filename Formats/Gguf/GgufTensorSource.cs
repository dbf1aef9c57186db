namespace LocalOpenAi.Formats.Gguf;

/// <summary>A tensor to write: its description and a callback that streams its data.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Dimensions">Sizes in ggml order (ne[0] first); ne[0] must be a whole number of blocks.</param>
/// <param name="Type">Element type of the data the callback writes.</param>
/// <param name="WriteData">Writes exactly <see cref="ByteSize"/> bytes.</param>
public sealed record GgufTensorSource(string Name, IReadOnlyList<ulong> Dimensions, GgmlType Type, GgufTensorDataWriter WriteData)
{
    /// <summary>Bytes the callback must write.</summary>
    public ulong ByteSize => GgmlTypeLayout.GetByteSize(Type, Dimensions);
}
