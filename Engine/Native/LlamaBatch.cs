using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>struct llama_batch</c>: 56 bytes of counts and pointers into native arrays.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int TokenCount;
    public int* Tokens;
    public float* Embeddings;
    public int* Positions;
    public int* SequenceIdCounts;
    public int** SequenceIds;
    public sbyte* Logits;
}
