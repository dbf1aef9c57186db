using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

internal static partial class LlamaNative
{
    /// <summary><c>GGML_BACKEND_DEVICE_TYPE_CPU</c>.</summary>
    internal const int CpuDeviceType = 0;

    [LibraryImport(GgmlBase, EntryPoint = "ggml_threadpool_params_init")]
    internal static unsafe partial void ThreadpoolParamsInit(GgmlThreadpoolParams* parameters, int threads);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_by_type")]
    internal static partial nint DeviceByType(int type);

    [LibraryImport(GgmlBase, EntryPoint = "ggml_backend_dev_backend_reg")]
    internal static partial nint DeviceBackendRegistry(nint device);

    [LibraryImport(GgmlBase, EntryPoint = "ggml_backend_reg_get_proc_address", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint RegistryProcAddress(nint registry, string name);

    [LibraryImport(Llama, EntryPoint = "llama_attach_threadpool")]
    internal static partial void AttachThreadpool(SafeLlamaContextHandle context, SafeGgmlThreadpoolHandle threadpool, nint batchThreadpool);
}
