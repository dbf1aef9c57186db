using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class GgufRoundTripTests
{
    [Fact]
    public void Every_value_type_reads_back_equal_and_in_order()
    {
        var metadata = GgufTestFiles.EveryValueType();
        var bytes = GgufTestFiles.Write(metadata, GgufTestFiles.PatternTensors());

        var file = GgufReader.Read(new MemoryStream(bytes));

        Assert.Equal(3u, file.Version);
        Assert.Equal(metadata.Select(e => e.Key), file.Metadata.Select(e => e.Key));
        foreach (var expected in metadata)
        {
            Assert.True(file.TryGetValue(expected.Key, out var actual), expected.Key);
            Assert.Equal(expected.Value, actual);
        }
    }

    [Fact]
    public void Typed_accessors_return_the_stored_values()
    {
        var file = GgufReader.Read(new MemoryStream(GgufTestFiles.Valid()));

        Assert.Equal("héllo ☃ 𝄞", file.GetString("test.string"));
        Assert.Equal(4_000_000_000u, file.GetUInt32("test.u32"));
        Assert.Equal(-2_000_000_000, file.GetInt32("test.i32"));
        Assert.Equal(ulong.MaxValue - 1, file.GetUInt64("test.u64"));
        Assert.Equal(3.25f, file.GetFloat32("test.f32"));
        Assert.True(file.GetBool("test.bool"));
        Assert.Equal(-1.0 / 3.0, file.Get<double>("test.f64"));
        Assert.Equal(["a", string.Empty, "Ġthe"], file.GetArray<string>("test.arr.string"));
        Assert.Equal([-7, int.MaxValue], file.GetArray<int>("test.arr.i32"));
        var nested = file.GetArray<GgufValue>("test.arr.nested");
        Assert.Equal(["x", "y", "z"], nested[1].AsArray<string>());
        Assert.True(file.TryGetInteger("test.u16", out var widened));
        Assert.Equal(60000, widened);
        Assert.False(file.TryGetUInt32("test.string", out _));
        Assert.False(file.TryGetString("missing.key", out _));
        Assert.Equal("llama", file.Architecture);
    }

    [Fact]
    public void Get_of_a_missing_key_or_wrong_type_names_the_key()
    {
        var file = GgufReader.Read(new MemoryStream(GgufTestFiles.Valid()));

        var missing = Assert.Throws<GgufFormatException>(() => file.GetUInt32("llama.block_count"));
        Assert.Contains("'llama.block_count' is missing", missing.Message);
        var wrongType = Assert.Throws<GgufFormatException>(() => file.GetUInt32("test.string"));
        Assert.Contains("'test.string' has type String", wrongType.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(64u)]
    [InlineData(256u)]
    public void Tensor_data_lands_at_aligned_offsets(uint? alignment)
    {
        var metadata = GgufTestFiles.EveryValueType();
        if (alignment is { } value)
        {
            metadata.Add(new GgufMetadataEntry(GgufKeys.Alignment, GgufValue.Of(value)));
        }

        var tensors = GgufTestFiles.PatternTensors();
        var bytes = GgufTestFiles.Write(metadata, tensors);
        var file = GgufReader.Read(new MemoryStream(bytes));
        var expectedAlignment = alignment ?? 32u;

        Assert.Equal(expectedAlignment, file.Alignment);
        Assert.Equal(0UL, file.DataOffset % expectedAlignment);
        Assert.Equal(tensors.Select(t => t.Name), file.Tensors.Select(t => t.Name));
        var expectedOffset = 0UL;
        for (var i = 0; i < tensors.Count; i++)
        {
            var info = file.Tensors[i];
            Assert.Equal(tensors[i].Dimensions, info.Dimensions);
            Assert.Equal(tensors[i].Type, info.Type);
            Assert.Equal(expectedOffset, info.Offset);
            var start = (int)(file.DataOffset + info.Offset);
            for (var b = 0; b < (int)info.ByteSize!.Value; b++)
            {
                Assert.Equal(GgufTestFiles.PatternByte(i + 1, b), bytes[start + b]);
            }

            expectedOffset += (info.ByteSize.Value + expectedAlignment - 1) / expectedAlignment * expectedAlignment;
        }

        Assert.Equal((long)(file.DataOffset + expectedOffset), bytes.Length);
    }

    [Fact]
    public void Tensor_byte_sizes_follow_the_block_layout()
    {
        var file = GgufReader.Read(new MemoryStream(GgufTestFiles.Valid()));

        Assert.Equal(12UL, file.FindTensor("a.f32")!.ByteSize);
        Assert.Equal(20UL, file.FindTensor("b.f16")!.ByteSize);
        Assert.Equal(2 * 34 * 3UL, file.FindTensor("c.q8_0")!.ByteSize);
        Assert.Equal(18 * 2UL, file.FindTensor("d.q4_0")!.ByteSize);
        Assert.Equal(64UL, file.FindTensor("d.q4_0")!.ElementCount);
    }

    [Fact]
    public void Reading_from_a_non_seekable_stream_gives_the_same_header()
    {
        var bytes = GgufTestFiles.Valid();

        var seekable = GgufReader.Read(new MemoryStream(bytes));
        var forwardOnly = GgufReader.Read(new ForwardOnlyStream(bytes));

        Assert.Equal(seekable.DataOffset, forwardOnly.DataOffset);
        Assert.Equal(seekable.Tensors, forwardOnly.Tensors, (a, b) => a.Name == b.Name && a.Offset == b.Offset);
        Assert.Equal(seekable.Metadata, forwardOnly.Metadata);
    }
}
