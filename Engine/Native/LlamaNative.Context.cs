using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

internal static partial class LlamaNative
{
    [LibraryImport(Llama, EntryPoint = "llama_context_default_params")]
    internal static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(Llama, EntryPoint = "llama_init_from_model")]
    internal static partial SafeLlamaContextHandle InitFromModel(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_free")]
    internal static partial void ContextFree(nint context);

    [LibraryImport(Llama, EntryPoint = "llama_n_ctx")]
    internal static partial uint ContextSize(SafeLlamaContextHandle context);

    [LibraryImport(Llama, EntryPoint = "llama_n_batch")]
    internal static partial uint BatchSize(SafeLlamaContextHandle context);

    [LibraryImport(Llama, EntryPoint = "llama_n_seq_max")]
    internal static partial uint MaxSequences(SafeLlamaContextHandle context);

    [LibraryImport(Llama, EntryPoint = "llama_decode")]
    internal static partial int Decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(Llama, EntryPoint = "llama_get_logits_ith")]
    internal static unsafe partial float* GetLogitsAt(SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama, EntryPoint = "llama_get_embeddings_seq")]
    internal static unsafe partial float* GetSequenceEmbeddings(SafeLlamaContextHandle context, int sequence);

    [LibraryImport(Llama, EntryPoint = "llama_batch_init")]
    internal static partial LlamaBatch BatchInit(int tokenCapacity, int embeddingSize, int maxSequencesPerToken);

    [LibraryImport(Llama, EntryPoint = "llama_batch_free")]
    internal static partial void BatchFree(LlamaBatch batch);

    [LibraryImport(Llama, EntryPoint = "llama_get_memory")]
    internal static partial nint GetMemory(SafeLlamaContextHandle context);

    [LibraryImport(Llama, EntryPoint = "llama_memory_clear")]
    internal static partial void MemoryClear(nint memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(Llama, EntryPoint = "llama_memory_seq_rm")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool MemorySequenceRemove(nint memory, int sequence, int fromPosition, int toPosition);

    [LibraryImport(Llama, EntryPoint = "llama_memory_seq_cp")]
    internal static partial void MemorySequenceCopy(nint memory, int source, int destination, int fromPosition, int toPosition);

}
