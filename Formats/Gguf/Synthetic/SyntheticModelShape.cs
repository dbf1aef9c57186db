namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>The hyper-parameters of a generated Llama model.</summary>
/// <param name="Name">Value of <c>general.name</c>.</param>
/// <param name="EmbeddingLength">Model width (n_embd); a multiple of 32.</param>
/// <param name="BlockCount">Number of transformer layers.</param>
/// <param name="FeedForwardLength">FFN hidden width; a multiple of 32.</param>
/// <param name="HeadCount">Attention heads.</param>
/// <param name="HeadCountKv">Key/value heads (grouped-query attention).</param>
/// <param name="VocabularySize">Tokens, the 256 Llama 3 specials included (at the end).</param>
/// <param name="ContextLength">Training context written as <c>llama.context_length</c>.</param>
/// <param name="TiedEmbeddings">True to omit <c>output.weight</c> and reuse <c>token_embd.weight</c>.</param>
public sealed record SyntheticModelShape(
    string Name,
    int EmbeddingLength,
    int BlockCount,
    int FeedForwardLength,
    int HeadCount,
    int HeadCountKv,
    int VocabularySize,
    int ContextLength,
    bool TiedEmbeddings)
{
    /// <summary>Per-head dimension (<c>llama.rope.dimension_count</c>).</summary>
    public int HeadDimension => EmbeddingLength / HeadCount;

    /// <summary>Width of the K and V projections.</summary>
    public int KvEmbeddingLength => HeadDimension * HeadCountKv;

    /// <summary>The shape of a preset.</summary>
    public static SyntheticModelShape For(SyntheticModelPreset preset) => preset switch
    {
        SyntheticModelPreset.Tiny => new("synthetic-llama-tiny", 128, 2, 384, 4, 2, 4096, 4096, TiedEmbeddings: false),
        SyntheticModelPreset.Small => new("synthetic-llama-small", 512, 8, 1536, 8, 4, 16384, 8192, TiedEmbeddings: false),
        SyntheticModelPreset.Llama1B => new("synthetic-llama-3.2-1b", 2048, 16, 8192, 32, 8, 128256, 131072, TiedEmbeddings: true),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown preset"),
    };

    /// <summary>Parses "tiny", "small" or "1b" (case-insensitive); false for anything else.</summary>
    public static bool TryParsePreset(string? text, out SyntheticModelPreset preset)
    {
        (var ok, preset) = text?.ToLowerInvariant() switch
        {
            "tiny" => (true, SyntheticModelPreset.Tiny),
            "small" => (true, SyntheticModelPreset.Small),
            "1b" or "llama1b" => (true, SyntheticModelPreset.Llama1B),
            _ => (false, default),
        };
        return ok;
    }
}
