namespace LocalOpenAi.Engine.Native;

/// <summary>The outcome of <c>llama_decode</c>, as documented in llama.h.</summary>
internal enum DecodeStatus
{
    Success,

    /// <summary>No room in the KV cache for the batch: retry smaller or free sequences.</summary>
    NoKvSlot,

    Aborted,
    InvalidBatch,
    Failed,
}
