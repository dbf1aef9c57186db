using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

internal static partial class LlamaNative
{
    [LibraryImport(Llama, EntryPoint = "llama_model_default_params")]
    internal static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(Llama, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeLlamaModelHandle ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_model_free")]
    internal static partial void ModelFree(nint model);

    [LibraryImport(Llama, EntryPoint = "llama_model_get_vocab")]
    internal static partial nint ModelGetVocab(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_n_ctx_train")]
    internal static partial int ModelTrainingContextSize(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_n_embd")]
    internal static partial int ModelEmbeddingSize(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_n_layer")]
    internal static partial int ModelLayerCount(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_size")]
    internal static partial ulong ModelSize(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_n_params")]
    internal static partial ulong ModelParameterCount(SafeLlamaModelHandle model);

    [LibraryImport(Llama, EntryPoint = "llama_model_desc")]
    internal static unsafe partial int ModelDescription(SafeLlamaModelHandle model, byte* buffer, nuint bufferSize);

    [LibraryImport(Llama, EntryPoint = "llama_model_meta_val_str", StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int ModelMetadataValue(SafeLlamaModelHandle model, string key, byte* buffer, nuint bufferSize);

    [LibraryImport(Llama, EntryPoint = "llama_model_chat_template")]
    internal static partial nint ModelChatTemplate(SafeLlamaModelHandle model, nint name);

    [LibraryImport(Llama, EntryPoint = "llama_chat_apply_template")]
    internal static unsafe partial int ChatApplyTemplate(byte* template, LlamaChatMessage* messages, nuint messageCount, [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);
}
