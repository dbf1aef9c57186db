using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>struct ggml_threadpool_params</c> (ggml.h); filled by <c>ggml_threadpool_params_init</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GgmlThreadpoolParams
{
    public fixed byte CpuMask[512];
    public int Threads;
    public int Priority;
    public uint Poll;
    public byte StrictCpu;
    public byte Paused;
}
