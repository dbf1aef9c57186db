namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// Writes random LoRA adapters for the synthetic models, in the GGUF form llama.cpp's
/// <c>llama_adapter_lora_init</c> loads: <c>general.type</c> = adapter, <c>adapter.type</c> = lora,
/// <c>adapter.lora.alpha</c>, and an F16 <c>lora_a</c> / <c>lora_b</c> pair for each attention
/// (q, k, v, output) and feed-forward (gate, up, down) matrix of every layer.
/// </summary>
/// <remarks>
/// For a base weight of ggml shape [n_in, n_out], <c>lora_a</c> is [n_in, rank] and <c>lora_b</c> is
/// [rank, n_out]; llama.cpp adds scale · alpha / rank · B(Ax) to the weight's product. The values are
/// sized so that at scale 1 each weight's change has about the spread of the base weights: enough
/// to change the model's greedy output. Output is deterministic, like <see cref="SyntheticModel"/>'s.
/// </remarks>
public static class SyntheticLoraAdapter
{
    // Random streams apart from the base model's, so an adapter made with the model's seed does not repeat its weights.
    private const ulong FirstStream = 1UL << 32;

    /// <summary>Writes an adapter for the model of <paramref name="preset"/> to <paramref name="stream"/>.</summary>
    /// <param name="rank">Inner dimension of each low-rank pair; at least 1.</param>
    /// <param name="alpha">Stored as <c>adapter.lora.alpha</c>; positive (llama.cpp reads 0 as "no alpha").</param>
    /// <exception cref="ArgumentOutOfRangeException">The rank or alpha is out of range.</exception>
    public static void Write(Stream stream, SyntheticModelPreset preset, int rank, float alpha, int seed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        if (!float.IsFinite(alpha) || alpha <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be positive and finite");
        }

        var shape = SyntheticModelShape.For(preset);
        List<GgufMetadataEntry> metadata =
        [
            new(GgufKeys.Architecture, GgufValue.Of(SyntheticModelMetadata.Arch)),
            new(GgufKeys.Type, GgufValue.Of("adapter")),
            new(GgufKeys.Name, GgufValue.Of($"{shape.Name}-lora")),
            new(GgufKeys.AdapterType, GgufValue.Of("lora")),
            new(GgufKeys.LoraAlpha, GgufValue.Of(alpha)),
        ];
        GgufWriter.Write(stream, metadata, BuildTensors(shape, rank, alpha, (ulong)(uint)seed));
    }

    private static List<GgufTensorSource> BuildTensors(SyntheticModelShape shape, int rank, float alpha, ulong seed)
    {
        var embd = (ulong)shape.EmbeddingLength;
        var kv = (ulong)shape.KvEmbeddingLength;
        var ff = (ulong)shape.FeedForwardLength;
        var r = (ulong)rank;

        // Each element of the change alpha / rank · BA sums rank products: its spread is
        // alpha / sqrt(rank) · std², which equals the base weights' when std² = MatrixStd · sqrt(rank) / alpha.
        var std = MathF.Sqrt(SyntheticModel.MatrixStd * MathF.Sqrt(rank) / alpha);
        var tensors = new List<GgufTensorSource>();

        void Factor(string name, ulong columns, ulong rows)
        {
            var randomStream = FirstStream + (ulong)tensors.Count;
            tensors.Add(new GgufTensorSource(name, [columns, rows], GgmlType.F16, SyntheticTensorData.Random(GgmlType.F16, columns * rows, std, seed, randomStream)));
        }

        void Pair(string weight, ulong inputs, ulong outputs)
        {
            Factor(weight + ".lora_a", inputs, r);
            Factor(weight + ".lora_b", r, outputs);
        }

        for (var block = 0; block < shape.BlockCount; block++)
        {
            var prefix = $"blk.{block}.";
            Pair(prefix + "attn_q.weight", embd, embd);
            Pair(prefix + "attn_k.weight", embd, kv);
            Pair(prefix + "attn_v.weight", embd, kv);
            Pair(prefix + "attn_output.weight", embd, embd);
            Pair(prefix + "ffn_gate.weight", embd, ff);
            Pair(prefix + "ffn_up.weight", embd, ff);
            Pair(prefix + "ffn_down.weight", ff, embd);
        }

        return tensors;
    }
}
