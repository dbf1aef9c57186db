using System.Buffers.Binary;
using System.Text;
using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class GgufReaderErrorTests
{
    [Fact]
    public void A_file_with_another_magic_is_not_a_gguf()
    {
        var error = Read(Encoding.ASCII.GetBytes("PK\u0003\u0004 this is a zip file, not a model"));

        Assert.StartsWith("not a GGUF file (magic 0x04034B50", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_stream_shorter_than_the_magic_is_not_a_gguf(int length)
    {
        var error = Read(GgufTestFiles.Valid()[..length]);

        Assert.StartsWith("not a GGUF file", error.Message);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(4u)]
    [InlineData(0x03000000u)]
    public void Unsupported_versions_are_named(uint version)
    {
        var bytes = GgufTestFiles.Valid();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), version);

        var error = Read(bytes);

        Assert.StartsWith($"unsupported GGUF version {version}", error.Message);
    }

    [Fact]
    public void Every_truncation_is_a_format_error_with_an_offset()
    {
        var bytes = GgufTestFiles.Valid();
        var file = GgufReader.Read(new MemoryStream(bytes));
        var headerEnd = (int)file.DataOffset;
        var last = file.Tensors[^1];
        var lastDataEnd = (int)(file.DataOffset + last.Offset + last.ByteSize!.Value);

        // Every cut inside the header, plus cuts inside the first and last tensors' data.
        // (Padding after the last tensor may be missing, as llama.cpp also accepts.)
        foreach (var length in Enumerable.Range(4, headerEnd - 4).Concat([headerEnd + 1, lastDataEnd - 1]))
        {
            var error = Read(bytes[..length]);

            Assert.Contains("truncated GGUF", error.Message);
            Assert.Matches("offset [0-9]+", error.Message);
        }
    }

    [Fact]
    public void Truncation_is_also_detected_without_a_known_length()
    {
        var bytes = GgufTestFiles.Valid();

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(new ForwardOnlyStream(bytes[..100])));

        Assert.Contains("truncated GGUF", error.Message);
    }

    [Fact]
    public void An_absurd_string_length_is_rejected_before_allocating()
    {
        var bytes = Preamble(tensors: 0, kvs: 1).Concat(UInt64(1UL << 60)).Concat(new byte[64]).ToArray();

        var error = Read(bytes);

        Assert.Contains("string length 1152921504606846976", error.Message);
        Assert.Contains("at offset 24", error.Message);
    }

    [Fact]
    public void An_absurd_string_length_is_rejected_on_a_stream_of_unknown_length()
    {
        var bytes = Preamble(tensors: 0, kvs: 1).Concat(UInt64(1UL << 60)).ToArray();

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(new ForwardOnlyStream(bytes)));

        Assert.Contains("exceeds the 268435456-byte limit", error.Message);
    }

    [Fact]
    public void An_absurd_array_length_is_rejected_before_allocating()
    {
        var bytes = Preamble(tensors: 0, kvs: 1)
            .Concat(Key("big"))
            .Concat(UInt32((uint)GgufValueType.Array))
            .Concat(UInt32((uint)GgufValueType.UInt64))
            .Concat(UInt64(ulong.MaxValue / 2))
            .Concat(new byte[64])
            .ToArray();

        var error = Read(bytes);

        Assert.Contains("array length of 'big' 9223372036854775807", error.Message);
    }

    [Fact]
    public void An_absurd_tensor_count_is_rejected()
    {
        var error = Read(Preamble(tensors: 1UL << 40, kvs: 0).Concat(new byte[64]).ToArray());

        Assert.Contains("tensor count 1099511627776", error.Message);
    }

    [Fact]
    public void An_unknown_value_type_is_rejected()
    {
        var bytes = Preamble(tensors: 0, kvs: 1).Concat(Key("k")).Concat(UInt32(13)).Concat(new byte[8]).ToArray();

        var error = Read(bytes);

        Assert.Contains("invalid GGUF value type 13", error.Message);
    }

    [Fact]
    public void An_invalid_alignment_is_rejected()
    {
        var bytes = Preamble(tensors: 0, kvs: 1)
            .Concat(Key(GgufKeys.Alignment)).Concat(UInt32((uint)GgufValueType.UInt32)).Concat(UInt32(48)).ToArray();

        var error = Read(bytes);

        Assert.Contains("general.alignment must be a UINT32 power of two", error.Message);
    }

    [Fact]
    public void A_tensor_with_an_unknown_type_is_rejected()
    {
        var bytes = Preamble(tensors: 1, kvs: 0)
            .Concat(Key("w")).Concat(UInt32(1)).Concat(UInt64(32)).Concat(UInt32(99)).Concat(UInt64(0)).ToArray();

        var error = Read(bytes);

        Assert.Contains("tensor 'w' has unknown ggml type 99", error.Message);
    }

    private static GgufFormatException Read(byte[] bytes) =>
        Assert.Throws<GgufFormatException>(() => GgufReader.Read(new MemoryStream(bytes)));

    private static IEnumerable<byte> Preamble(ulong tensors, ulong kvs) =>
        UInt32(GgufReader.Magic).Concat(UInt32(3)).Concat(UInt64(tensors)).Concat(UInt64(kvs));

    private static IEnumerable<byte> Key(string key) => UInt64((ulong)Encoding.UTF8.GetByteCount(key)).Concat(Encoding.UTF8.GetBytes(key));

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }
}
