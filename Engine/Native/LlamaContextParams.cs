using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>struct llama_context_params</c> (llama.h, node-llama-cpp 3.22.1): 160 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint ContextSize;
    public uint BatchSize;
    public uint MicroBatchSize;
    public uint MaxSequences;
    public uint RecurrentStateSnapshots;
    public uint MaxOutputs;
    public uint MaxOutputsPerSequence;
    public int Threads;
    public int BatchThreads;
    public int ContextType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttentionType;
    public float RopeFrequencyBase;
    public float RopeFrequencyScale;
    public float YarnExtrapolationFactor;
    public float YarnAttentionFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOriginalContext;
    public float DefragThreshold;
    public nint EvalCallback;
    public nint EvalCallbackUserData;
    public int KeyCacheType;
    public int ValueCacheType;
    public nint AbortCallback;
    public nint AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public nint Samplers;
    public nuint SamplerCount;
    public nint OtherContext;
}
