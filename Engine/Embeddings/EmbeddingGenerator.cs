using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Engine.Embeddings;

/// <summary>
/// Sentence embeddings from a model: mean-pooled over each input's tokens and L2-normalised, as
/// OpenAI's embeddings are. Uses its own llama.cpp context, so it never waits for generation.
/// </summary>
/// <remarks>Thread-safe: calls are serialised on the one context.</remarks>
public sealed class EmbeddingGenerator : IDisposable
{
    /// <summary>One input is embedded at a time, in the context's only sequence.</summary>
    private static readonly SequenceId OnlySequence = new(0);

    private readonly LlamaModel _model;
    private readonly NativeContext _context;
    private readonly NativeBatch _batch;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EmbeddingGenerator(LlamaModel model, int contextSize, int threads)
    {
        _model = model;
        _context = NativeContext.Create(model.Native, new NativeContextSettings(
            contextSize, Sequences: 1, BatchSize: contextSize, MicroBatchSize: contextSize, threads, threads,
            Embeddings: true, MeanPooling: true))
            ?? throw new ModelLoadException($"llama.cpp could not create an embedding context for '{model.Path}'.");
        _batch = new NativeBatch(contextSize);
    }

    /// <summary>The most tokens one input may have.</summary>
    public int MaxInputTokens => _context.ContextSize;

    public int Dimensions => _model.EmbeddingSize;

    /// <summary>Embeds each token sequence; each must be non-empty and at most <see cref="MaxInputTokens"/> long.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<IReadOnlyList<int>> inputs, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => inputs.Select(Embed).ToArray(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private float[] Embed(IReadOnlyList<int> tokens)
    {
        if (tokens.Count is 0 || tokens.Count > MaxInputTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), $"An input must have 1 to {MaxInputTokens} tokens.");
        }

        _context.ClearAll();
        _batch.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            _batch.Add(tokens[i], i, OnlySequence, wantLogits: true);
        }

        var status = _context.Decode(_batch);
        if (status != DecodeStatus.Success)
        {
            throw new InvalidOperationException($"llama.cpp could not compute the embedding ({status}).");
        }

        var embedding = _context.GetSequenceEmbedding(OnlySequence).ToArray();
        var norm = Math.Sqrt(embedding.Sum(value => (double)value * value));
        if (norm > 0)
        {
            for (var i = 0; i < embedding.Length; i++)
            {
                embedding[i] = (float)(embedding[i] / norm);
            }
        }

        return embedding;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
        _gate.Dispose();
    }
}
