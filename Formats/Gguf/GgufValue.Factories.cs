namespace LocalOpenAi.Formats.Gguf;

/// <summary>Factories: one <c>Of</c> overload per GGUF scalar type and per array element type.</summary>
public sealed partial class GgufValue
{
    /// <summary>A UINT8 value.</summary>
    public static GgufValue Of(byte value) => Scalar(GgufValueType.UInt8, value);

    /// <summary>An INT8 value.</summary>
    public static GgufValue Of(sbyte value) => Scalar(GgufValueType.Int8, value);

    /// <summary>A UINT16 value.</summary>
    public static GgufValue Of(ushort value) => Scalar(GgufValueType.UInt16, value);

    /// <summary>An INT16 value.</summary>
    public static GgufValue Of(short value) => Scalar(GgufValueType.Int16, value);

    /// <summary>A UINT32 value.</summary>
    public static GgufValue Of(uint value) => Scalar(GgufValueType.UInt32, value);

    /// <summary>An INT32 value.</summary>
    public static GgufValue Of(int value) => Scalar(GgufValueType.Int32, value);

    /// <summary>A FLOAT32 value.</summary>
    public static GgufValue Of(float value) => Scalar(GgufValueType.Float32, value);

    /// <summary>A BOOL value.</summary>
    public static GgufValue Of(bool value) => Scalar(GgufValueType.Bool, value);

    /// <summary>A STRING value.</summary>
    public static GgufValue Of(string value) => Scalar(GgufValueType.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A UINT64 value.</summary>
    public static GgufValue Of(ulong value) => Scalar(GgufValueType.UInt64, value);

    /// <summary>An INT64 value.</summary>
    public static GgufValue Of(long value) => Scalar(GgufValueType.Int64, value);

    /// <summary>A FLOAT64 value.</summary>
    public static GgufValue Of(double value) => Scalar(GgufValueType.Float64, value);

    /// <summary>An array of UINT8 (copied).</summary>
    public static GgufValue Of(IEnumerable<byte> values) => ArrayOf(GgufValueType.UInt8, values);

    /// <summary>An array of INT8 (copied).</summary>
    public static GgufValue Of(IEnumerable<sbyte> values) => ArrayOf(GgufValueType.Int8, values);

    /// <summary>An array of UINT16 (copied).</summary>
    public static GgufValue Of(IEnumerable<ushort> values) => ArrayOf(GgufValueType.UInt16, values);

    /// <summary>An array of INT16 (copied).</summary>
    public static GgufValue Of(IEnumerable<short> values) => ArrayOf(GgufValueType.Int16, values);

    /// <summary>An array of UINT32 (copied).</summary>
    public static GgufValue Of(IEnumerable<uint> values) => ArrayOf(GgufValueType.UInt32, values);

    /// <summary>An array of INT32 (copied).</summary>
    public static GgufValue Of(IEnumerable<int> values) => ArrayOf(GgufValueType.Int32, values);

    /// <summary>An array of FLOAT32 (copied).</summary>
    public static GgufValue Of(IEnumerable<float> values) => ArrayOf(GgufValueType.Float32, values);

    /// <summary>An array of BOOL (copied).</summary>
    public static GgufValue Of(IEnumerable<bool> values) => ArrayOf(GgufValueType.Bool, values);

    /// <summary>An array of STRING (copied).</summary>
    public static GgufValue Of(IEnumerable<string> values) => ArrayOf(GgufValueType.String, values);

    /// <summary>An array of UINT64 (copied).</summary>
    public static GgufValue Of(IEnumerable<ulong> values) => ArrayOf(GgufValueType.UInt64, values);

    /// <summary>An array of INT64 (copied).</summary>
    public static GgufValue Of(IEnumerable<long> values) => ArrayOf(GgufValueType.Int64, values);

    /// <summary>An array of FLOAT64 (copied).</summary>
    public static GgufValue Of(IEnumerable<double> values) => ArrayOf(GgufValueType.Float64, values);

    /// <summary>An array whose elements are themselves arrays (GGUF allows nesting; llama.cpp does not read it).</summary>
    /// <exception cref="ArgumentException">An element is not an array.</exception>
    public static GgufValue OfArrays(IEnumerable<GgufValue> arrays)
    {
        var items = arrays.ToArray();
        if (items.Any(item => item is null || !item.IsArray))
        {
            throw new ArgumentException("every element of a nested GGUF array must itself be an array", nameof(arrays));
        }

        return new GgufValue(GgufValueType.Array, GgufValueType.Array, items);
    }

    internal static GgufValue FromRead(GgufValueType type, object value) => Scalar(type, value);

    internal static GgufValue FromReadArray(GgufValueType elementType, Array items) =>
        new(GgufValueType.Array, elementType, items);

    private static GgufValue Scalar(GgufValueType type, object value) => new(type, type, value);

    private static GgufValue ArrayOf<T>(GgufValueType elementType, IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.ToArray();
        if (elementType == GgufValueType.String && items.Any(item => item is null))
        {
            throw new ArgumentException("a GGUF string array cannot contain null", nameof(values));
        }

        return new GgufValue(GgufValueType.Array, elementType, items);
    }
}
