namespace LocalOpenAi.Formats.Gguf;

/// <summary>Reads one metadata value of a known type, arrays (and arrays of arrays) included.</summary>
internal static class GgufValueReader
{
    private const int MaxNesting = 8;

    public static GgufValue Read(GgufPrimitiveReader reader, GgufValueType type, string key, int depth) => type switch
    {
        GgufValueType.UInt8 => GgufValue.FromRead(type, reader.ReadUInt8(key)),
        GgufValueType.Int8 => GgufValue.FromRead(type, unchecked((sbyte)reader.ReadUInt8(key))),
        GgufValueType.UInt16 => GgufValue.FromRead(type, reader.ReadUInt16(key)),
        GgufValueType.Int16 => GgufValue.FromRead(type, unchecked((short)reader.ReadUInt16(key))),
        GgufValueType.UInt32 => GgufValue.FromRead(type, reader.ReadUInt32(key)),
        GgufValueType.Int32 => GgufValue.FromRead(type, unchecked((int)reader.ReadUInt32(key))),
        GgufValueType.Float32 => GgufValue.FromRead(type, reader.ReadFloat32(key)),
        GgufValueType.Bool => GgufValue.FromRead(type, reader.ReadBool(key)),
        GgufValueType.String => GgufValue.FromRead(type, reader.ReadString(key)),
        GgufValueType.UInt64 => GgufValue.FromRead(type, reader.ReadUInt64(key)),
        GgufValueType.Int64 => GgufValue.FromRead(type, unchecked((long)reader.ReadUInt64(key))),
        GgufValueType.Float64 => GgufValue.FromRead(type, reader.ReadFloat64(key)),
        GgufValueType.Array => ReadArray(reader, key, depth),
        _ => throw new GgufFormatException($"invalid GGUF value type {(uint)type} for '{key}'"),
    };

    private static GgufValue ReadArray(GgufPrimitiveReader reader, string key, int depth)
    {
        if (depth >= MaxNesting)
        {
            throw new GgufFormatException($"GGUF array '{key}' is nested deeper than {MaxNesting} levels at offset {reader.Offset}");
        }

        var at = reader.Offset;
        var rawType = reader.ReadUInt32($"element type of '{key}'");
        if (rawType > (uint)GgufValueType.Float64)
        {
            throw new GgufFormatException($"invalid GGUF array element type {rawType} for '{key}' at offset {at}");
        }

        var elementType = (GgufValueType)rawType;
        var count = reader.ReadCount($"array length of '{key}'", MinBytes(elementType));
        return elementType switch
        {
            GgufValueType.UInt8 => Items(elementType, count, () => reader.ReadUInt8(key)),
            GgufValueType.Int8 => Items(elementType, count, () => unchecked((sbyte)reader.ReadUInt8(key))),
            GgufValueType.UInt16 => Items(elementType, count, () => reader.ReadUInt16(key)),
            GgufValueType.Int16 => Items(elementType, count, () => unchecked((short)reader.ReadUInt16(key))),
            GgufValueType.UInt32 => Items(elementType, count, () => reader.ReadUInt32(key)),
            GgufValueType.Int32 => Items(elementType, count, () => unchecked((int)reader.ReadUInt32(key))),
            GgufValueType.Float32 => Items(elementType, count, () => reader.ReadFloat32(key)),
            GgufValueType.Bool => Items(elementType, count, () => reader.ReadBool(key)),
            GgufValueType.String => Items(elementType, count, () => reader.ReadString(key)),
            GgufValueType.UInt64 => Items(elementType, count, () => reader.ReadUInt64(key)),
            GgufValueType.Int64 => Items(elementType, count, () => unchecked((long)reader.ReadUInt64(key))),
            GgufValueType.Float64 => Items(elementType, count, () => reader.ReadFloat64(key)),
            _ => Items(elementType, count, () => Read(reader, GgufValueType.Array, key, depth + 1)),
        };
    }

    /// <summary>Fewest bytes one element can take, used to reject counts that cannot fit.</summary>
    private static int MinBytes(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.Array => 4 + 8,
        _ => 8,
    };

    private static GgufValue Items<T>(GgufValueType elementType, int count, Func<T> readOne)
    {
        // Grow as we go rather than trusting the count, which has only been checked against the stream length.
        var items = new List<T>(Math.Min(count, 1 << 16));
        for (var i = 0; i < count; i++)
        {
            items.Add(readOne());
        }

        return GgufValue.FromReadArray(elementType, items.ToArray());
    }
}
