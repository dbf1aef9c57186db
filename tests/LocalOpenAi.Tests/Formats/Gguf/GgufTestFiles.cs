using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Tests.Formats.Gguf;

/// <summary>Small GGUF files built in memory for reader and writer tests.</summary>
internal static class GgufTestFiles
{
    public static List<GgufMetadataEntry> EveryValueType() =>
    [
        new("general.architecture", GgufValue.Of("llama")),
        new("test.u8", GgufValue.Of((byte)200)),
        new("test.i8", GgufValue.Of((sbyte)-100)),
        new("test.u16", GgufValue.Of((ushort)60000)),
        new("test.i16", GgufValue.Of((short)-30000)),
        new("test.u32", GgufValue.Of(4_000_000_000u)),
        new("test.i32", GgufValue.Of(-2_000_000_000)),
        new("test.f32", GgufValue.Of(3.25f)),
        new("test.bool", GgufValue.Of(true)),
        new("test.string", GgufValue.Of("héllo ☃ 𝄞")),
        new("test.u64", GgufValue.Of(ulong.MaxValue - 1)),
        new("test.i64", GgufValue.Of(long.MinValue + 1)),
        new("test.f64", GgufValue.Of(-1.0 / 3.0)),
        new("test.empty_string", GgufValue.Of(string.Empty)),
        new("test.arr.u8", GgufValue.Of(new byte[] { 1, 2, 255 })),
        new("test.arr.i8", GgufValue.Of(new sbyte[] { -1, 0, 127 })),
        new("test.arr.u16", GgufValue.Of(new ushort[] { 1, 65535 })),
        new("test.arr.i16", GgufValue.Of(new short[] { -32768, 5 })),
        new("test.arr.u32", GgufValue.Of(new uint[] { 7, uint.MaxValue })),
        new("test.arr.i32", GgufValue.Of(new[] { -7, int.MaxValue })),
        new("test.arr.f32", GgufValue.Of(new[] { 0.5f, float.NegativeInfinity })),
        new("test.arr.bool", GgufValue.Of(new[] { true, false, true })),
        new("test.arr.string", GgufValue.Of(new[] { "a", string.Empty, "Ġthe" })),
        new("test.arr.u64", GgufValue.Of(new ulong[] { 0, ulong.MaxValue })),
        new("test.arr.i64", GgufValue.Of(new long[] { long.MinValue, 1 })),
        new("test.arr.f64", GgufValue.Of(new[] { double.Epsilon, 1e300 })),
        new("test.arr.empty", GgufValue.Of(Array.Empty<int>())),
        new("test.arr.nested", GgufValue.OfArrays([GgufValue.Of(new[] { 1, 2 }), GgufValue.Of(new[] { "x", "y", "z" })])),
    ];

    /// <summary>Tensors whose bytes are a known function of the tensor index and byte position.</summary>
    public static List<GgufTensorSource> PatternTensors() =>
    [
        Pattern("a.f32", [3], GgmlType.F32, 1),
        Pattern("b.f16", [5, 2], GgmlType.F16, 2),
        Pattern("c.q8_0", [64, 3], GgmlType.Q8_0, 3),
        Pattern("d.q4_0", [32, 1, 1, 2], GgmlType.Q4_0, 4),
    ];

    public static byte PatternByte(int tag, long position) => unchecked((byte)((tag * 31) + (position * 7)));

    public static byte[] Write(IReadOnlyList<GgufMetadataEntry> metadata, IReadOnlyList<GgufTensorSource> tensors)
    {
        using var stream = new MemoryStream();
        GgufWriter.Write(stream, metadata, tensors);
        return stream.ToArray();
    }

    /// <summary>A valid file with metadata and two tensors.</summary>
    public static byte[] Valid() => Write(EveryValueType(), PatternTensors());

    private static GgufTensorSource Pattern(string name, ulong[] dimensions, GgmlType type, int tag)
    {
        var size = (int)GgmlTypeLayout.GetByteSize(type, dimensions);
        var data = Enumerable.Range(0, size).Select(i => PatternByte(tag, i)).ToArray();
        return new GgufTensorSource(name, dimensions, type, destination => destination.Write(data));
    }
}
