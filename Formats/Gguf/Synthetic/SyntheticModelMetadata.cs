namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>The metadata of a synthetic Llama model, in the order llama.cpp's converter writes it.</summary>
internal static class SyntheticModelMetadata
{
    internal const string Arch = "llama";

    public static List<GgufMetadataEntry> Build(SyntheticModelShape shape, GgufQuantization quantization, SyntheticVocabulary vocabulary) =>
    [
        new(GgufKeys.Architecture, GgufValue.Of(Arch)),
        new(GgufKeys.Name, GgufValue.Of(shape.Name)),
        new(GgufKeys.Alignment, GgufValue.Of(GgufKeys.DefaultAlignment)),
        new(GgufKeys.ContextLength(Arch), GgufValue.Of((uint)shape.ContextLength)),
        new($"{Arch}.embedding_length", GgufValue.Of((uint)shape.EmbeddingLength)),
        new($"{Arch}.block_count", GgufValue.Of((uint)shape.BlockCount)),
        new($"{Arch}.feed_forward_length", GgufValue.Of((uint)shape.FeedForwardLength)),
        new($"{Arch}.attention.head_count", GgufValue.Of((uint)shape.HeadCount)),
        new($"{Arch}.attention.head_count_kv", GgufValue.Of((uint)shape.HeadCountKv)),
        new($"{Arch}.rope.freq_base", GgufValue.Of(500000f)),
        new($"{Arch}.attention.layer_norm_rms_epsilon", GgufValue.Of(1e-5f)),
        new($"{Arch}.rope.dimension_count", GgufValue.Of((uint)shape.HeadDimension)),
        new($"{Arch}.vocab_size", GgufValue.Of((uint)shape.VocabularySize)),
        new(GgufKeys.FileType, GgufValue.Of(quantization.ToFileType())),
        new("general.quantization_version", GgufValue.Of(2u)),
        new(GgufKeys.TokenizerModel, GgufValue.Of("gpt2")),
        new(GgufKeys.TokenizerPre, GgufValue.Of("llama-bpe")),
        new(GgufKeys.Tokens, GgufValue.Of(vocabulary.Tokens)),
        new(GgufKeys.TokenTypes, GgufValue.Of(vocabulary.TokenTypes)),
        new(GgufKeys.Merges, GgufValue.Of(vocabulary.Merges)),
        new(GgufKeys.BosTokenId, GgufValue.Of((uint)vocabulary.BosId)),
        new(GgufKeys.EosTokenId, GgufValue.Of((uint)vocabulary.EosId)),
        new(GgufKeys.AddBosToken, GgufValue.Of(true)),
        new(GgufKeys.ChatTemplate, GgufValue.Of(Llama31JinjaTemplate.Jinja)),
    ];
}
