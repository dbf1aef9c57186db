namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Parses a GGUF header (metadata and tensor infos) from a stream without reading tensor data.
/// </summary>
public static class GgufReader
{
    /// <summary>The magic "GGUF" read as a little-endian uint32.</summary>
    public const uint Magic = 0x46554747;

    private const int MaxDimensions = 4;

    /// <summary>
    /// Reads the header starting at the stream's current position. Offsets in the result are
    /// relative to that position. The stream is left just after the tensor infos.
    /// </summary>
    /// <exception cref="GgufFormatException">The stream is not a valid GGUF v2/v3 file.</exception>
    public static GgufFile Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("the stream must be readable", nameof(stream));
        }

        var reader = new GgufPrimitiveReader(stream);
        ReadPreamble(reader, out var version);
        var tensorCount = reader.ReadCount("tensor count", minBytesEach: 8 + 4 + 4 + 8);
        var kvCount = reader.ReadCount("metadata key/value count", minBytesEach: 8 + 4 + 1);

        var metadata = new List<GgufMetadataEntry>(Math.Min(kvCount, 1024));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kvCount; i++)
        {
            var at = reader.Offset;
            var key = reader.ReadString($"metadata key #{i}");
            if (!keys.Add(key))
            {
                throw new GgufFormatException($"duplicate GGUF metadata key '{key}' at offset {at}");
            }

            var type = ReadValueType(reader, $"type of '{key}'");
            metadata.Add(new GgufMetadataEntry(key, GgufValueReader.Read(reader, type, key, depth: 0)));
        }

        var alignment = ReadAlignment(metadata);
        var tensors = new List<GgufTensorInfo>(Math.Min(tensorCount, 4096));
        for (var i = 0; i < tensorCount; i++)
        {
            tensors.Add(ReadTensorInfo(reader, i, alignment));
        }

        var dataOffset = (ulong)AlignUp(reader.Offset, alignment);
        CheckDataExtent(reader, tensors, dataOffset);
        return new GgufFile(version, metadata, tensors, dataOffset);
    }

    internal static long AlignUp(long offset, uint alignment) => (offset + alignment - 1) / alignment * alignment;

    private static void ReadPreamble(GgufPrimitiveReader reader, out uint version)
    {
        uint magic;
        try
        {
            magic = reader.ReadUInt32("magic");
        }
        catch (GgufFormatException ex)
        {
            throw new GgufFormatException($"not a GGUF file: {ex.Message}", ex);
        }

        if (magic != Magic)
        {
            throw new GgufFormatException($"not a GGUF file (magic 0x{magic:X8}, expected 0x{Magic:X8} \"GGUF\")");
        }

        version = reader.ReadUInt32("version");
        if (version is not (2 or 3))
        {
            var hint = (version & 0xFFFF) == 0 ? " (a big-endian file?)" : string.Empty;
            throw new GgufFormatException($"unsupported GGUF version {version}{hint}; versions 2 and 3 are supported");
        }
    }

    private static GgufValueType ReadValueType(GgufPrimitiveReader reader, string what)
    {
        var at = reader.Offset;
        var raw = reader.ReadUInt32(what);
        return raw <= (uint)GgufValueType.Float64
            ? (GgufValueType)raw
            : throw new GgufFormatException($"invalid GGUF value type {raw} for {what} at offset {at}");
    }

    private static uint ReadAlignment(List<GgufMetadataEntry> metadata)
    {
        var entry = metadata.Find(e => e.Key == GgufKeys.Alignment);
        if (entry is null)
        {
            return GgufKeys.DefaultAlignment;
        }

        return entry.Value.TryAs<uint>(out var alignment) && alignment != 0 && (alignment & (alignment - 1)) == 0
            ? alignment
            : throw new GgufFormatException($"GGUF {GgufKeys.Alignment} must be a UINT32 power of two, found {entry.Value.Type} {entry.Value}");
    }

    private static GgufTensorInfo ReadTensorInfo(GgufPrimitiveReader reader, int index, uint alignment)
    {
        var name = reader.ReadString($"name of tensor #{index}");
        var at = reader.Offset;
        var dimensionCount = reader.ReadUInt32($"dimension count of '{name}'");
        if (dimensionCount is 0 or > MaxDimensions)
        {
            throw new GgufFormatException($"tensor '{name}' has {dimensionCount} dimensions at offset {at}; 1 to {MaxDimensions} are allowed");
        }

        var dimensions = new ulong[dimensionCount];
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d] = reader.ReadUInt64($"dimension {d} of '{name}'");
        }

        at = reader.Offset;
        var type = (GgmlType)reader.ReadUInt32($"type of '{name}'");
        if (!GgmlTypeLayout.TryGetBlock(type, out _, out _))
        {
            throw new GgufFormatException($"tensor '{name}' has unknown ggml type {(uint)type} at offset {at}");
        }

        if (GgmlTypeLayout.TryGetByteSize(type, dimensions) is null)
        {
            throw new GgufFormatException($"tensor '{name}' of type {type} has invalid dimensions [{string.Join(", ", dimensions)}]");
        }

        at = reader.Offset;
        var offset = reader.ReadUInt64($"data offset of '{name}'");
        if (offset % alignment != 0)
        {
            throw new GgufFormatException($"tensor '{name}' data offset {offset} at offset {at} is not a multiple of the alignment {alignment}");
        }

        return new GgufTensorInfo(name, dimensions, type, offset);
    }

    private static void CheckDataExtent(GgufPrimitiveReader reader, List<GgufTensorInfo> tensors, ulong dataOffset)
    {
        if (reader.Length is not { } length)
        {
            return;
        }

        var available = (ulong)length - Math.Min((ulong)length, dataOffset);
        foreach (var tensor in tensors)
        {
            var size = tensor.ByteSize!.Value;
            if (tensor.Offset > available || size > available - tensor.Offset)
            {
                throw new GgufFormatException(
                    $"truncated GGUF: tensor '{tensor.Name}' needs {size} bytes at data offset {tensor.Offset}, "
                    + $"but only {available} bytes follow the header (data section at offset {dataOffset})");
            }
        }
    }
}
