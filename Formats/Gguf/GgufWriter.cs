namespace LocalOpenAi.Formats.Gguf;

/// <summary>
/// Writes a GGUF v3 file: header, metadata, tensor infos, then each tensor's data streamed through
/// its callback, each tensor padded to <c>general.alignment</c> (default 32) as llama.cpp does.
/// </summary>
public static class GgufWriter
{
    /// <summary>The version written.</summary>
    public const uint Version = 3;

    /// <summary>Writes the file to <paramref name="destination"/> (which need not be seekable).</summary>
    /// <returns>The header as a reader would see it, offsets included.</returns>
    /// <exception cref="ArgumentException">Duplicate keys or tensor names, a bad alignment, or a shape the type cannot hold.</exception>
    /// <exception cref="InvalidOperationException">A tensor callback wrote a different number of bytes than its size.</exception>
    public static GgufFile Write(Stream destination, IReadOnlyList<GgufMetadataEntry> metadata, IReadOnlyList<GgufTensorSource> tensors)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(tensors);
        var alignment = GetAlignment(metadata);
        var infos = Layout(tensors, alignment);

        var counting = new CountingWriteStream(destination);
        var writer = new GgufPrimitiveWriter(counting);
        writer.WriteUInt32(GgufReader.Magic);
        writer.WriteUInt32(Version);
        writer.WriteUInt64((ulong)tensors.Count);
        writer.WriteUInt64((ulong)metadata.Count);
        foreach (var entry in metadata)
        {
            writer.WriteString(entry.Key);
            writer.WriteUInt32((uint)entry.Value.Type);
            writer.WriteValue(entry.Value);
        }

        foreach (var info in infos)
        {
            writer.WriteString(info.Name);
            writer.WriteUInt32((uint)info.Dimensions.Count);
            foreach (var dimension in info.Dimensions)
            {
                writer.WriteUInt64(dimension);
            }

            writer.WriteUInt32((uint)info.Type);
            writer.WriteUInt64(info.Offset);
        }

        writer.WritePadding(alignment);
        var dataOffset = (ulong)writer.Offset;
        for (var i = 0; i < tensors.Count; i++)
        {
            WriteData(counting, writer, tensors[i], infos[i], dataOffset, alignment);
        }

        counting.Flush();
        return new GgufFile(Version, metadata, infos, dataOffset);
    }

    private static void WriteData(
        CountingWriteStream counting, GgufPrimitiveWriter writer, GgufTensorSource tensor, GgufTensorInfo info, ulong dataOffset, uint alignment)
    {
        var start = counting.BytesWritten;
        tensor.WriteData(counting);
        var written = (ulong)(counting.BytesWritten - start);
        if (written != info.ByteSize)
        {
            throw new InvalidOperationException(
                $"tensor '{tensor.Name}' callback wrote {written} bytes, expected {info.ByteSize}");
        }

        if ((ulong)start != dataOffset + info.Offset)
        {
            throw new InvalidOperationException($"tensor '{tensor.Name}' started at {start}, expected {dataOffset + info.Offset}");
        }

        writer.WritePadding(alignment);
    }

    private static uint GetAlignment(IReadOnlyList<GgufMetadataEntry> metadata)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in metadata)
        {
            if (!keys.Add(entry.Key))
            {
                throw new ArgumentException($"duplicate GGUF metadata key '{entry.Key}'", nameof(metadata));
            }
        }

        var alignmentEntry = metadata.FirstOrDefault(e => e.Key == GgufKeys.Alignment);
        if (alignmentEntry is null)
        {
            return GgufKeys.DefaultAlignment;
        }

        return alignmentEntry.Value.TryAs<uint>(out var alignment) && alignment != 0 && (alignment & (alignment - 1)) == 0
            ? alignment
            : throw new ArgumentException($"{GgufKeys.Alignment} must be a UINT32 power of two", nameof(metadata));
    }

    private static GgufTensorInfo[] Layout(IReadOnlyList<GgufTensorSource> tensors, uint alignment)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var infos = new GgufTensorInfo[tensors.Count];
        var offset = 0UL;
        for (var i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            if (!names.Add(tensor.Name))
            {
                throw new ArgumentException($"duplicate tensor name '{tensor.Name}'", nameof(tensors));
            }

            if (tensor.Dimensions.Count is 0 or > 4)
            {
                throw new ArgumentException($"tensor '{tensor.Name}' must have 1 to 4 dimensions", nameof(tensors));
            }

            infos[i] = new GgufTensorInfo(tensor.Name, tensor.Dimensions.ToArray(), tensor.Type, offset);
            offset += (ulong)GgufReader.AlignUp((long)tensor.ByteSize, alignment);
        }

        return infos;
    }
}
