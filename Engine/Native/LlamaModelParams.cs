using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>struct llama_model_params</c> (llama.h, node-llama-cpp 3.22.1): 80 bytes.</summary>
/// <remarks>C <c>bool</c> fields are declared as <see cref="byte"/> so the struct stays blittable.</remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public nint Devices;
    public nint TensorBufferTypeOverrides;
    public int GpuLayerCount;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public nint TensorSplit;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufferTypes;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}
