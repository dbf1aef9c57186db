using LocalOpenAi.Formats.Gguf;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class GgmlQuantizerTests
{
    [Theory]
    [InlineData(GgmlType.F32, 0.0)]
    [InlineData(GgmlType.F16, 0.001)]
    // Q8_0: half a step of d = max/127. Q4_0: the codes span [-8, 7] so the side opposite the
    // largest magnitude clips by up to one full step of d = max/8. Both add the fp16 rounding of d.
    [InlineData(GgmlType.Q8_0, 0.5 / 127)]
    [InlineData(GgmlType.Q4_0, 1.0 / 8)]
    public void Round_trip_error_is_within_a_quantisation_step_of_the_block_maximum(GgmlType type, double relativeTolerance)
    {
        var source = RandomValues(32 * 16, seed: 7);
        var bytes = new byte[GgmlQuantizer.GetByteCount(type, source.Length)];
        var restored = new float[source.Length];

        GgmlQuantizer.Quantize(type, source, bytes);
        GgmlQuantizer.Dequantize(type, bytes, restored);

        for (var block = 0; block < source.Length / 32; block++)
        {
            var values = source.AsSpan(block * 32, 32);
            var blockMax = values.ToArray().Max(MathF.Abs);
            for (var j = 0; j < 32; j++)
            {
                var i = (block * 32) + j;
                var tolerance = type == GgmlType.F16 ? Math.Abs(source[i]) * relativeTolerance : blockMax * (relativeTolerance + (1.0 / 2048));
                Assert.True(Math.Abs(source[i] - restored[i]) <= tolerance + 1e-7, $"{type} element {i}: {source[i]} -> {restored[i]}");
            }
        }
    }

    [Fact]
    public void Q4_0_packs_x_j_in_the_low_nibble_and_x_j_plus_16_in_the_high_nibble()
    {
        // Largest magnitude is -8, so d = 1 and each nibble is value + 8.
        var source = new float[32];
        source[0] = -8;
        source[1] = 3;
        source[16] = 7;
        source[17] = -2;
        var bytes = new byte[18];

        GgmlQuantizer.Quantize(GgmlType.Q4_0, source, bytes);

        Assert.Equal((Half)1, BitConverter.UInt16BitsToHalf((ushort)(bytes[0] | (bytes[1] << 8))));
        Assert.Equal(0x0F << 4 | 0x00, bytes[2]);
        Assert.Equal(0x06 << 4 | 0x0B, bytes[3]);
        Assert.Equal(0x88, bytes[4]);
    }

    [Fact]
    public void Q8_0_scale_maps_the_largest_magnitude_to_127()
    {
        var source = Enumerable.Range(0, 32).Select(i => (i - 16) * 0.25f).ToArray();
        var bytes = new byte[34];

        GgmlQuantizer.Quantize(GgmlType.Q8_0, source, bytes);

        Assert.Equal((Half)(4f / 127f), BitConverter.UInt16BitsToHalf((ushort)(bytes[0] | (bytes[1] << 8))));
        Assert.Equal(-127, (sbyte)bytes[2]);
        Assert.Equal(0, (sbyte)bytes[2 + 16]);
    }

    [Fact]
    public void An_all_zero_block_stays_zero()
    {
        var bytes = new byte[18];
        var restored = new float[32];

        GgmlQuantizer.Quantize(GgmlType.Q4_0, new float[32], bytes);
        GgmlQuantizer.Dequantize(GgmlType.Q4_0, bytes, restored);

        Assert.All(restored, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Sizes_that_do_not_match_are_misuse()
    {
        Assert.Throws<ArgumentException>(() => GgmlQuantizer.Quantize(GgmlType.Q8_0, new float[31], new byte[34]));
        Assert.Throws<ArgumentException>(() => GgmlQuantizer.Quantize(GgmlType.Q8_0, new float[32], new byte[33]));
        Assert.Throws<ArgumentException>(() => GgmlQuantizer.Quantize(GgmlType.Q4_K, new float[256], new byte[144]));
    }

    private static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * (1 + random.Next(100))).ToArray();
    }
}
