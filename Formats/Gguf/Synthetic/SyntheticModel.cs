namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// Writes random-weight Llama models that llama.cpp loads and generates from: the full llama
/// metadata, a byte-level BPE tokenizer with the Llama 3 special tokens and the Llama 3.1 Instruct
/// chat template. Output is deterministic: the same arguments always give the same bytes.
/// </summary>
public static class SyntheticModel
{
    internal const float MatrixStd = 0.04f;
    private const float EmbeddingStd = 0.1f;

    /// <summary>Writes a model of <paramref name="preset"/> size to <paramref name="destination"/>.</summary>
    /// <returns>The header that was written.</returns>
    public static GgufFile Write(Stream destination, SyntheticModelPreset preset, GgufQuantization quantization, int seed) =>
        Write(destination, SyntheticModelShape.For(preset), quantization, seed);

    /// <summary>Writes a model of a custom <paramref name="shape"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The widths are not multiples of 32 or the heads do not divide them.</exception>
    public static GgufFile Write(Stream destination, SyntheticModelShape shape, GgufQuantization quantization, int seed)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(shape);
        Validate(shape);
        var vocabulary = SyntheticVocabulary.Build(shape.VocabularySize);
        var metadata = SyntheticModelMetadata.Build(shape, quantization, vocabulary);
        var tensors = BuildTensors(shape, quantization.ToGgmlType(), (ulong)(uint)seed);
        return GgufWriter.Write(destination, metadata, tensors);
    }

    private static List<GgufTensorSource> BuildTensors(SyntheticModelShape shape, GgmlType type, ulong seed)
    {
        var embd = (ulong)shape.EmbeddingLength;
        var kv = (ulong)shape.KvEmbeddingLength;
        var ff = (ulong)shape.FeedForwardLength;
        var vocab = (ulong)shape.VocabularySize;
        var tensors = new List<GgufTensorSource>();

        void Matrix(string name, ulong columns, ulong rows, float std)
        {
            var stream = (ulong)tensors.Count;
            tensors.Add(new GgufTensorSource(name, [columns, rows], type, SyntheticTensorData.Random(type, columns * rows, std, seed, stream)));
        }

        void Norm(string name) =>
            tensors.Add(new GgufTensorSource(name, [embd], GgmlType.F32, SyntheticTensorData.Constant(embd, 1f)));

        Matrix("token_embd.weight", embd, vocab, EmbeddingStd);
        for (var block = 0; block < shape.BlockCount; block++)
        {
            var prefix = $"blk.{block}.";
            Norm(prefix + "attn_norm.weight");
            Matrix(prefix + "attn_q.weight", embd, embd, MatrixStd);
            Matrix(prefix + "attn_k.weight", embd, kv, MatrixStd);
            Matrix(prefix + "attn_v.weight", embd, kv, MatrixStd);
            Matrix(prefix + "attn_output.weight", embd, embd, MatrixStd);
            Norm(prefix + "ffn_norm.weight");
            Matrix(prefix + "ffn_gate.weight", embd, ff, MatrixStd);
            Matrix(prefix + "ffn_up.weight", embd, ff, MatrixStd);
            Matrix(prefix + "ffn_down.weight", ff, embd, MatrixStd);
        }

        Norm("output_norm.weight");
        if (!shape.TiedEmbeddings)
        {
            Matrix("output.weight", embd, vocab, MatrixStd);
        }

        return tensors;
    }

    private static void Validate(SyntheticModelShape shape)
    {
        if (shape.EmbeddingLength <= 0 || shape.EmbeddingLength % 32 != 0 || shape.FeedForwardLength <= 0 || shape.FeedForwardLength % 32 != 0)
        {
            throw new ArgumentException("embedding and feed-forward lengths must be positive multiples of 32", nameof(shape));
        }

        if (shape.HeadCount <= 0 || shape.HeadCountKv <= 0 || shape.EmbeddingLength % shape.HeadCount != 0 || shape.HeadCount % shape.HeadCountKv != 0)
        {
            throw new ArgumentException("heads must divide the embedding length and kv heads must divide the heads", nameof(shape));
        }

        if (shape.BlockCount <= 0 || shape.ContextLength <= 0)
        {
            throw new ArgumentException("block count and context length must be positive", nameof(shape));
        }
    }
}
