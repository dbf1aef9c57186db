using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>P/Invoke declarations for the llama.h and ggml functions the engine uses.</summary>
/// <remarks>
/// The library names are logical: <see cref="NativeLibraryResolver"/> maps them to the files of the
/// llama.cpp build in use. Declarations are split by area into partial files.
/// </remarks>
internal static partial class LlamaNative
{
    internal const string Llama = "llama";
    internal const string Ggml = "ggml";
    internal const string GgmlBase = "ggml-base";

    [LibraryImport(Llama, EntryPoint = "llama_backend_init")]
    internal static partial void BackendInit();

    [LibraryImport(Llama, EntryPoint = "llama_print_system_info")]
    internal static partial nint SystemInfo();

    [LibraryImport(Llama, EntryPoint = "llama_log_set")]
    internal static partial void LogSet(nint callback, nint userData);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_load_all_from_path", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void BackendLoadAllFromPath(string directory);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_count")]
    internal static partial nuint DeviceCount();

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_get")]
    internal static partial nint DeviceGet(nuint index);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_name")]
    internal static partial nint DeviceName(nint device);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_description")]
    internal static partial nint DeviceDescription(nint device);

}
