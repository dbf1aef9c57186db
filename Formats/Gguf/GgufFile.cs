namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// The parsed header of a GGUF file: version, metadata and tensor infos. Tensor data is not loaded.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed partial class GgufFile
{
    private readonly Dictionary<string, GgufValue> _byKey;

    /// <summary>Creates a header from its parts; keys must be unique.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public GgufFile(uint version, IReadOnlyList<GgufMetadataEntry> metadata, IReadOnlyList<GgufTensorInfo> tensors, ulong dataOffset)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(tensors);
        Version = version;
        Metadata = metadata.ToArray();
        Tensors = tensors.ToArray();
        DataOffset = dataOffset;
        _byKey = new Dictionary<string, GgufValue>(Metadata.Count, StringComparer.Ordinal);
        foreach (var entry in Metadata)
        {
            if (!_byKey.TryAdd(entry.Key, entry.Value))
            {
                throw new ArgumentException($"duplicate GGUF metadata key '{entry.Key}'", nameof(metadata));
            }
        }
    }

    /// <summary>GGUF format version (2 or 3).</summary>
    public uint Version { get; }

    /// <summary>All metadata entries in file order.</summary>
    public IReadOnlyList<GgufMetadataEntry> Metadata { get; }

    /// <summary>All tensor infos in file order.</summary>
    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Offset of the tensor data section from the start of the GGUF (where reading began).</summary>
    public ulong DataOffset { get; }

    /// <summary>Data alignment: <c>general.alignment</c>, or 32 when absent.</summary>
    public uint Alignment => TryGetUInt32(GgufKeys.Alignment, out var alignment) ? alignment : GgufKeys.DefaultAlignment;

    /// <summary><c>general.architecture</c>, or null when absent.</summary>
    public string? Architecture => TryGetString(GgufKeys.Architecture, out var value) ? value : null;

    /// <summary><c>general.name</c>, or null when absent.</summary>
    public string? Name => TryGetString(GgufKeys.Name, out var value) ? value : null;

    /// <summary><c>general.file_type</c> (llama.cpp's <c>llama_ftype</c>), or null when absent.</summary>
    public uint? FileType => TryGetInteger(GgufKeys.FileType, out var value) && value is >= 0 and <= uint.MaxValue ? (uint)value : null;

    /// <summary><c>{architecture}.context_length</c> (training context), or null when absent.</summary>
    public ulong? ContextLength =>
        Architecture is { } arch && TryGetInteger(GgufKeys.ContextLength(arch), out var value) && value > 0 ? (ulong)value : null;

    /// <summary><c>tokenizer.chat_template</c>, or null when absent.</summary>
    public string? ChatTemplate => TryGetString(GgufKeys.ChatTemplate, out var value) ? value : null;

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, or false when absent.</summary>
    public bool TryGetValue(string key, out GgufValue value) => _byKey.TryGetValue(key, out value!);

    /// <summary>The tensor named <paramref name="name"/>, or null.</summary>
    public GgufTensorInfo? FindTensor(string name) => Tensors.FirstOrDefault(tensor => tensor.Name == name);
}
