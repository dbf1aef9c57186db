using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>llama_logit_bias</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaLogitBias
{
    public int Token;
    public float Bias;
}
