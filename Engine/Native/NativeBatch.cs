namespace LocalOpenAi.Engine.Native;

/// <summary>An owned <c>llama_batch</c> that is filled token by token and reused across steps.</summary>
internal sealed unsafe class NativeBatch : IDisposable
{
    private LlamaBatch _batch;
    private bool _disposed;

    public NativeBatch(int capacity)
    {
        Capacity = capacity;
        _batch = LlamaNative.BatchInit(capacity, 0, 1);
    }

    public int Capacity { get; }

    public int Count => _batch.TokenCount;

    internal LlamaBatch Value => _batch;

    public void Clear() => _batch.TokenCount = 0;

    /// <summary>Appends one token; returns its row index in the batch.</summary>
    public int Add(int token, int position, SequenceId sequence, bool wantLogits)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var index = _batch.TokenCount;
        if (index >= Capacity)
        {
            throw new InvalidOperationException($"The batch holds at most {Capacity} tokens.");
        }

        _batch.Tokens[index] = token;
        _batch.Positions[index] = position;
        _batch.SequenceIdCounts[index] = 1;
        _batch.SequenceIds[index][0] = sequence.Value;
        _batch.Logits[index] = wantLogits ? (sbyte)1 : (sbyte)0;
        _batch.TokenCount = index + 1;
        return index;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _batch.TokenCount = 0;
        LlamaNative.BatchFree(_batch);
    }
}
