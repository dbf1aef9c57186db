using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class GgufWriterTests
{
    [Fact]
    public void A_callback_that_writes_too_few_bytes_is_reported()
    {
        var tensor = new GgufTensorSource("t", [32], GgmlType.Q8_0, destination => destination.Write(new byte[33]));

        var error = Assert.Throws<InvalidOperationException>(() => GgufTestFiles.Write([], [tensor]));

        Assert.Contains("'t' callback wrote 33 bytes, expected 34", error.Message);
    }

    [Fact]
    public void Duplicate_keys_and_tensor_names_are_rejected()
    {
        var key = new GgufMetadataEntry("k", GgufValue.Of(1u));
        var tensor = new GgufTensorSource("t", [1], GgmlType.F32, destination => destination.Write(new byte[4]));

        Assert.Throws<ArgumentException>(() => GgufTestFiles.Write([key, key], []));
        Assert.Throws<ArgumentException>(() => GgufTestFiles.Write([], [tensor, tensor]));
    }

    [Fact]
    public void An_alignment_that_is_not_a_power_of_two_is_rejected()
    {
        var alignment = new GgufMetadataEntry(GgufKeys.Alignment, GgufValue.Of(48u));

        Assert.Throws<ArgumentException>(() => GgufTestFiles.Write([alignment], []));
    }

    [Fact]
    public void A_quantised_row_must_be_whole_blocks()
    {
        var tensor = new GgufTensorSource("t", [48], GgmlType.Q4_0, _ => { });

        Assert.Throws<ArgumentException>(() => GgufTestFiles.Write([], [tensor]));
    }

    [Fact]
    public void Written_header_matches_what_the_reader_sees()
    {
        using var stream = new MemoryStream();

        var written = GgufWriter.Write(stream, GgufTestFiles.EveryValueType(), GgufTestFiles.PatternTensors());
        var read = GgufReader.Read(new MemoryStream(stream.ToArray()));

        Assert.Equal(written.DataOffset, read.DataOffset);
        Assert.Equal(written.Tensors.Select(t => t.Offset), read.Tensors.Select(t => t.Offset));
        Assert.Equal(written.Metadata, read.Metadata);
    }

    [Fact]
    public void Nested_arrays_must_hold_arrays()
    {
        Assert.Throws<ArgumentException>(() => GgufValue.OfArrays([GgufValue.Of(1u)]));
    }
}
