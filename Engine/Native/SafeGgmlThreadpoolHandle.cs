using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>
/// Owns a <c>ggml_threadpool*</c>: compute threads that live as long as the context using them, as
/// llama-server and llama-bench keep them. Without one, ggml starts and joins fresh threads for every
/// decode, which costs a single stream a few percent and makes its token times jittery.
/// </summary>
/// <remarks>The CPU backend exports the pool's functions only through its registry (it is loaded at run time).</remarks>
internal sealed unsafe class SafeGgmlThreadpoolHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private static readonly Lazy<(nint Create, nint Free)> Functions = new(FindFunctions);

    public SafeGgmlThreadpoolHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>
    /// A pool of <paramref name="threads"/> threads; null when the CPU backend offers none. Its threads
    /// poll for about a millisecond after each decode (level 1; ggml's default 50 spins for far longer):
    /// long enough to catch the next step of a generation without a wake-up, short enough not to starve
    /// the threads that deliver tokens on a small machine once the scheduler goes idle.
    /// </summary>
    public static SafeGgmlThreadpoolHandle? Create(int threads)
    {
        var (create, free) = Functions.Value;
        if (create == 0 || free == 0)
        {
            return null;
        }

        GgmlThreadpoolParams parameters;
        LlamaNative.ThreadpoolParamsInit(&parameters, threads);
        parameters.Poll = 1;
        var pool = ((delegate* unmanaged<GgmlThreadpoolParams*, nint>)create)(&parameters);
        if (pool == 0)
        {
            return null;
        }

        var handle = new SafeGgmlThreadpoolHandle();
        handle.SetHandle(pool);
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        ((delegate* unmanaged<nint, void>)Functions.Value.Free)(handle);
        return true;
    }

    private static (nint Create, nint Free) FindFunctions()
    {
        var device = LlamaNative.DeviceByType(LlamaNative.CpuDeviceType);
        if (device == 0)
        {
            return (0, 0);
        }

        var registry = LlamaNative.DeviceBackendRegistry(device);
        return (LlamaNative.RegistryProcAddress(registry, "ggml_threadpool_new"), LlamaNative.RegistryProcAddress(registry, "ggml_threadpool_free"));
    }
}
