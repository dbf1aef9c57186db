using System.Security.Cryptography;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class SyntheticLoraAdapterTests
{
    private static readonly string[] AdaptedWeights =
        ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"];

    [Fact]
    public void Tiny_adapter_has_lora_metadata_and_a_pair_for_every_attention_and_ffn_matrix()
    {
        var bytes = Write(SyntheticModelPreset.Tiny, rank: 8, alpha: 16f, seed: 3);
        var file = GgufReader.Read(new MemoryStream(bytes));

        Assert.Equal("llama", file.Architecture);
        Assert.Equal("adapter", file.GetString(GgufKeys.Type));
        Assert.Equal("lora", file.GetString(GgufKeys.AdapterType));
        Assert.Equal(16f, file.GetFloat32(GgufKeys.LoraAlpha));
        Assert.Equal("synthetic-llama-tiny-lora", file.Name);
        var expectedNames = Enumerable.Range(0, 2)
            .SelectMany(block => AdaptedWeights.Select(weight => $"blk.{block}.{weight}.weight"))
            .SelectMany(weight => new[] { weight + ".lora_a", weight + ".lora_b" });
        Assert.Equal(expectedNames, file.Tensors.Select(tensor => tensor.Name));
        Assert.All(file.Tensors, tensor => Assert.Equal(GgmlType.F16, tensor.Type));
        Assert.Equal([128UL, 8UL], file.FindTensor("blk.0.attn_q.weight.lora_a")!.Dimensions);
        Assert.Equal([8UL, 128UL], file.FindTensor("blk.0.attn_q.weight.lora_b")!.Dimensions);
        Assert.Equal([8UL, 64UL], file.FindTensor("blk.1.attn_k.weight.lora_b")!.Dimensions);
        Assert.Equal([384UL, 8UL], file.FindTensor("blk.0.ffn_down.weight.lora_a")!.Dimensions);
        Assert.Equal([8UL, 128UL], file.FindTensor("blk.0.ffn_down.weight.lora_b")!.Dimensions);
        Assert.Equal([128UL, 8UL], file.FindTensor("blk.1.ffn_up.weight.lora_a")!.Dimensions);
        Assert.Equal([8UL, 384UL], file.FindTensor("blk.1.ffn_up.weight.lora_b")!.Dimensions);
    }

    [Theory]
    [InlineData(4, 4f)]
    [InlineData(8, 16f)]
    [InlineData(32, 1f)]
    public void At_scale_1_a_weights_change_has_about_the_spread_of_the_base_weights(int rank, float alpha)
    {
        var bytes = Write(SyntheticModelPreset.Tiny, rank, alpha, seed: 11);
        var file = GgufReader.Read(new MemoryStream(bytes));
        var a = ReadF16(bytes, file, "blk.0.attn_q.weight.lora_a");
        var b = ReadF16(bytes, file, "blk.0.attn_q.weight.lora_b");
        const int Inputs = 128;
        const int Outputs = 128;

        // ggml order: a holds `rank` rows of Inputs values, b holds Outputs rows of `rank` values.
        var sumOfSquares = 0.0;
        for (var output = 0; output < Outputs; output++)
        {
            for (var input = 0; input < Inputs; input++)
            {
                var delta = 0.0;
                for (var k = 0; k < rank; k++)
                {
                    delta += b[(output * rank) + k] * a[(k * Inputs) + input];
                }

                delta *= alpha / rank;
                sumOfSquares += delta * delta;
            }
        }

        Assert.InRange(Math.Sqrt(sumOfSquares / (Inputs * Outputs)), 0.03, 0.05);
    }

    [Fact]
    public void The_same_seed_gives_identical_bytes_and_another_seed_does_not()
    {
        var first = SHA256.HashData(Write(SyntheticModelPreset.Tiny, 4, 4f, seed: 1));
        var again = SHA256.HashData(Write(SyntheticModelPreset.Tiny, 4, 4f, seed: 1));
        var other = SHA256.HashData(Write(SyntheticModelPreset.Tiny, 4, 4f, seed: 2));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0, 1f)]
    [InlineData(4, 0f)]
    [InlineData(4, -2f)]
    [InlineData(4, float.NaN)]
    public void A_rank_below_1_or_an_alpha_that_is_not_positive_is_refused(int rank, float alpha) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(SyntheticModelPreset.Tiny, rank, alpha, seed: 1));

    private static byte[] Write(SyntheticModelPreset preset, int rank, float alpha, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticLoraAdapter.Write(stream, preset, rank, alpha, seed);
        return stream.ToArray();
    }

    private static float[] ReadF16(byte[] bytes, GgufFile file, string name)
    {
        var tensor = file.FindTensor(name)!;
        var start = (int)(file.DataOffset + tensor.Offset);
        return Enumerable.Range(0, (int)tensor.ElementCount)
            .Select(i => (float)BitConverter.ToHalf(bytes, start + (2 * i)))
            .ToArray();
    }
}
