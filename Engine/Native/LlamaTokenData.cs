using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary><c>llama_token_data</c>: one candidate token with its logit and probability.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaTokenData
{
    public int Id;
    public float Logit;
    public float Probability;
}
