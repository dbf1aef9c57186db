using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary><c>llama_token_data_array</c>: the candidates a sampler narrows down and chooses from.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaTokenDataArray
{
    public LlamaTokenData* Data;
    public nuint Size;
    public long Selected;
    public byte Sorted;
}
