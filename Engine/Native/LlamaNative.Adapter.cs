using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <remarks>
/// An adapter belongs to its model: llama.cpp frees every adapter still loaded when the model is
/// freed. A context only points at the adapters set on it, so they must outlive it.
/// </remarks>
internal static partial class LlamaNative
{
    [LibraryImport(Llama, EntryPoint = "llama_adapter_lora_init", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint AdapterLoraInit(SafeLlamaModelHandle model, string path);

    [LibraryImport(Llama, EntryPoint = "llama_adapter_lora_free")]
    internal static partial void AdapterLoraFree(nint adapter);

    [LibraryImport(Llama, EntryPoint = "llama_set_adapters_lora")]
    internal static unsafe partial int SetAdaptersLora(SafeLlamaContextHandle context, nint* adapters, nuint count, float* scales);
}
