namespace LocalOpenAi.Engine.Native;

/// <summary>A <c>llama_context</c>: the KV cache of several sequences and the decode entry point.</summary>
/// <remarks>Not thread-safe: one thread owns a context (the scheduler's decode thread).</remarks>
internal sealed unsafe class NativeContext : IDisposable
{
    private const int PoolingMean = 1;

    private readonly SafeLlamaContextHandle _handle;
    private readonly nint _memory;
    private readonly int _vocabularySize;
    private readonly int _embeddingSize;

    private NativeContext(SafeLlamaContextHandle handle, NativeModel model)
    {
        _handle = handle;
        _memory = LlamaNative.GetMemory(handle);
        _vocabularySize = model.VocabularySize;
        _embeddingSize = model.EmbeddingSize;
        ContextSize = (int)LlamaNative.ContextSize(handle);
        BatchSize = (int)LlamaNative.BatchSize(handle);
        Sequences = (int)LlamaNative.MaxSequences(handle);
    }

    internal SafeLlamaContextHandle Handle => _handle;

    public int ContextSize { get; }

    public int BatchSize { get; }

    public int Sequences { get; }

    /// <summary>Creates a context; null when llama.cpp refuses (it logs why, e.g. out of memory).</summary>
    public static NativeContext? Create(NativeModel model, NativeContextSettings settings)
    {
        var parameters = LlamaNative.ContextDefaultParams();
        parameters.ContextSize = (uint)settings.ContextSize;
        parameters.BatchSize = (uint)settings.BatchSize;
        parameters.MicroBatchSize = (uint)settings.MicroBatchSize;
        parameters.MaxSequences = (uint)settings.Sequences;
        parameters.Threads = settings.Threads;
        parameters.BatchThreads = settings.BatchThreads;
        parameters.KvUnified = 0; // one KV stream per sequence: see InferenceScheduler.Prefixes
        parameters.Embeddings = settings.Embeddings ? (byte)1 : (byte)0;
        if (settings.MeanPooling)
        {
            parameters.PoolingType = PoolingMean;
        }

        parameters.NoPerf = 1;
        var handle = LlamaNative.InitFromModel(model.Handle, parameters);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return null;
        }

        // The context reads the model's weights and vocabulary on every decode: the model is freed after it.
        handle.Hold(model.Handle);

        if (SafeGgmlThreadpoolHandle.Create(Math.Max(settings.Threads, settings.BatchThreads)) is { } threadpool)
        {
            // One pool for prompts and tokens (they use the same thread count); the context frees before the pool.
            LlamaNative.AttachThreadpool(handle, threadpool, 0);
            handle.Hold(threadpool);
            threadpool.Dispose();
        }

        return new NativeContext(handle, model);
    }

    public DecodeStatus Decode(NativeBatch batch)
    {
        var result = LlamaNative.Decode(_handle, batch.Value);
        return result switch
        {
            0 => DecodeStatus.Success,
            1 => DecodeStatus.NoKvSlot,
            2 => DecodeStatus.Aborted,
            -1 => DecodeStatus.InvalidBatch,
            _ => DecodeStatus.Failed,
        };
    }

    /// <summary>The logits of the batch row <paramref name="batchIndex"/>; valid until the next decode.</summary>
    public ReadOnlySpan<float> GetLogits(int batchIndex)
    {
        var pointer = LlamaNative.GetLogitsAt(_handle, batchIndex);
        return pointer is null ? ReadOnlySpan<float>.Empty : new ReadOnlySpan<float>(pointer, _vocabularySize);
    }

    /// <summary>The pooled embedding of a sequence (embedding contexts only), or empty.</summary>
    public ReadOnlySpan<float> GetSequenceEmbedding(SequenceId sequence)
    {
        var pointer = LlamaNative.GetSequenceEmbeddings(_handle, sequence.Value);
        return pointer is null ? ReadOnlySpan<float>.Empty : new ReadOnlySpan<float>(pointer, _embeddingSize);
    }

    /// <summary>Removes positions [from, to) of a sequence from the KV cache (to &lt; 0: to the end).</summary>
    public bool RemoveTokens(SequenceId sequence, int fromPosition, int toPosition = -1) =>
        LlamaNative.MemorySequenceRemove(_memory, sequence.Value, fromPosition, toPosition);

    /// <summary>Replaces <paramref name="destination"/>'s cache with a copy of <paramref name="source"/>'s, made at the next decode.</summary>
    /// <remarks>With one KV stream per sequence, llama.cpp copies whole streams only.</remarks>
    public void CopySequence(SequenceId source, SequenceId destination) =>
        LlamaNative.MemorySequenceCopy(_memory, source.Value, destination.Value, -1, -1);

    public void ClearAll() => LlamaNative.MemoryClear(_memory, data: false);

    /// <summary>Applies a LoRA adapter at <paramref name="scale"/> to every later decode; at scale 0 llama.cpp leaves it out.</summary>
    /// <remarks>The adapter is kept loaded until this context is freed, even if its owner disposes it first.</remarks>
    public void SetLoraAdapter(SafeLlamaAdapterHandle adapter, float scale)
    {
        _handle.Hold(adapter);
        var pointer = adapter.DangerousGetHandle();
        LlamaNative.SetAdaptersLora(_handle, &pointer, 1, &scale);
    }

    public void Dispose() => _handle.Dispose();
}
