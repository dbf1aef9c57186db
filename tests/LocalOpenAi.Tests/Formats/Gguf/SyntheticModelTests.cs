using System.Security.Cryptography;
using System.Text;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Tests.Formats.Gguf;

public sealed class SyntheticModelTests
{
    // SHA-256 of meta-llama/Llama-3.1-8B-Instruct's chat template as shipped in llama.cpp's models/templates.
    private const string TemplateSha256 = "e10ca381b1ccc5cf9db52e371f3b6651576caee0a630b452e2816b2d404d4b65";

    [Fact]
    public void The_same_seed_gives_identical_bytes_and_another_seed_does_not()
    {
        var first = Hash(Write(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0, seed: 1));
        var again = Hash(Write(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0, seed: 1));
        var other = Hash(Write(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0, seed: 2));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(GgufQuantization.F16, GgmlType.F16, 1u)]
    [InlineData(GgufQuantization.Q8_0, GgmlType.Q8_0, 7u)]
    [InlineData(GgufQuantization.Q4_0, GgmlType.Q4_0, 2u)]
    public void Tiny_model_has_llama_metadata_and_tensors_in_the_requested_type(GgufQuantization quantization, GgmlType type, uint fileType)
    {
        var bytes = Write(SyntheticModelPreset.Tiny, quantization, seed: 3);
        var file = GgufReader.Read(new MemoryStream(bytes));

        Assert.InRange(bytes.Length, 500_000, 5_000_000);
        Assert.Equal("llama", file.Architecture);
        Assert.Equal(4096UL, file.ContextLength);
        Assert.Equal(fileType, file.FileType);
        Assert.Equal(128u, file.GetUInt32("llama.embedding_length"));
        Assert.Equal(2u, file.GetUInt32("llama.block_count"));
        Assert.Equal(384u, file.GetUInt32("llama.feed_forward_length"));
        Assert.Equal(4u, file.GetUInt32("llama.attention.head_count"));
        Assert.Equal(2u, file.GetUInt32("llama.attention.head_count_kv"));
        Assert.Equal(32u, file.GetUInt32("llama.rope.dimension_count"));
        Assert.Equal(500000f, file.GetFloat32("llama.rope.freq_base"));
        Assert.Equal(1e-5f, file.GetFloat32("llama.attention.layer_norm_rms_epsilon"));
        Assert.Equal(2 + (2 * 9) + 1, file.Tensors.Count);
        Assert.Equal([128UL, 64UL], file.FindTensor("blk.1.attn_k.weight")!.Dimensions);
        Assert.Equal([384UL, 128UL], file.FindTensor("blk.0.ffn_down.weight")!.Dimensions);
        Assert.Equal(type, file.FindTensor("output.weight")!.Type);
        Assert.Equal(GgmlType.F32, file.FindTensor("blk.0.attn_norm.weight")!.Type);
        var norm = file.FindTensor("output_norm.weight")!;
        Assert.Equal(1f, BitConverter.ToSingle(bytes, (int)(file.DataOffset + norm.Offset + 4)));
    }

    [Fact]
    public void Preset_1b_has_the_llama_3_2_1b_shape_and_real_special_token_ids()
    {
        var header = WriteHeaderOnly(SyntheticModelPreset.Llama1B, GgufQuantization.Q4_0);

        Assert.Equal(131072UL, header.ContextLength);
        Assert.Equal(16u, header.GetUInt32("llama.block_count"));
        Assert.Equal(2048u, header.GetUInt32("llama.embedding_length"));
        Assert.Equal(8192u, header.GetUInt32("llama.feed_forward_length"));
        Assert.Equal(32u, header.GetUInt32("llama.attention.head_count"));
        Assert.Equal(8u, header.GetUInt32("llama.attention.head_count_kv"));
        Assert.Null(header.FindTensor("output.weight"));
        var tokens = header.GetArray<string>(GgufKeys.Tokens);
        Assert.Equal(128256, tokens.Count);
        Assert.Equal(Llama3SpecialTokens.BeginOfText, tokens[128000]);
        Assert.Equal(Llama3SpecialTokens.EndOfText, tokens[128001]);
        Assert.Equal("<|reserved_special_token_2|>", tokens[128005]);
        Assert.Equal(Llama3SpecialTokens.StartHeader, tokens[128006]);
        Assert.Equal(Llama3SpecialTokens.EndOfTurn, tokens[128009]);
        Assert.Equal(Llama3SpecialTokens.PythonTag, tokens[128010]);
        Assert.Equal("<|reserved_special_token_247|>", tokens[128255]);
        Assert.Equal(128000u, header.GetUInt32(GgufKeys.BosTokenId));
        Assert.Equal(128009u, header.GetUInt32(GgufKeys.EosTokenId));
    }

    [Theory]
    [InlineData(SyntheticModelPreset.Tiny, 4096)]
    [InlineData(SyntheticModelPreset.Small, 16384)]
    public void Smaller_presets_put_the_256_specials_at_the_end(SyntheticModelPreset preset, int vocabularySize)
    {
        var header = WriteHeaderOnly(preset, GgufQuantization.Q8_0);
        var tokens = header.GetArray<string>(GgufKeys.Tokens);
        var first = vocabularySize - 256;

        Assert.Equal(vocabularySize, tokens.Count);
        Assert.Equal(Llama3SpecialTokens.All, tokens.Skip(first));
        Assert.Equal((uint)first, header.GetUInt32(GgufKeys.BosTokenId));
        Assert.Equal((uint)(first + 9), header.GetUInt32(GgufKeys.EosTokenId));
        Assert.Equal((uint)vocabularySize, header.GetUInt32("llama.vocab_size"));
    }

    [Fact]
    public void Tokenizer_is_llama_bpe_with_consistent_merges_and_the_llama_3_1_template()
    {
        var header = WriteHeaderOnly(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0);
        var tokens = header.GetArray<string>(GgufKeys.Tokens);
        var types = header.GetArray<int>(GgufKeys.TokenTypes);
        var ids = tokens.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id);

        Assert.Equal("gpt2", header.GetString(GgufKeys.TokenizerModel));
        Assert.Equal("llama-bpe", header.GetString(GgufKeys.TokenizerPre));
        Assert.True(header.GetBool(GgufKeys.AddBosToken));
        Assert.Equal(tokens.Count, ids.Count);
        Assert.Equal(Enumerable.Repeat(1, tokens.Count - 256).Concat(Enumerable.Repeat(3, 256)), types);
        Assert.Contains("Ġ", ids.Keys);
        Assert.Contains("Ċ", ids.Keys);
        Assert.Contains("Ġthe", ids.Keys);
        Assert.Contains("Ġhello", ids.Keys);
        Assert.Contains("Hello", ids.Keys);
        var merges = header.GetArray<string>(GgufKeys.Merges);
        Assert.True(merges.Count > 500, $"only {merges.Count} merges");
        foreach (var merge in merges)
        {
            var parts = merge.Split(' ');
            Assert.Equal(2, parts.Length);
            Assert.True(ids[parts[0]] < ids[parts[0] + parts[1]] && ids[parts[1]] < ids[parts[0] + parts[1]], merge);
        }

        Assert.Equal(Llama31JinjaTemplate.Jinja, header.ChatTemplate);
        Assert.Equal(TemplateSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header.ChatTemplate!))));
    }

    private static byte[] Write(SyntheticModelPreset preset, GgufQuantization quantization, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticModel.Write(stream, preset, quantization, seed);
        return stream.ToArray();
    }

    private static GgufFile WriteHeaderOnly(SyntheticModelPreset preset, GgufQuantization quantization)
    {
        using var capture = new HeadCaptureStream(8 << 20);
        var written = SyntheticModel.Write(capture, preset, quantization, seed: 5);
        var header = GgufReader.Read(new ForwardOnlyStream(capture.Head));
        Assert.Equal(written.DataOffset, header.DataOffset);
        return header;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
