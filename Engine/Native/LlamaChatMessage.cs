using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>Mirror of <c>llama_chat_message</c>: two UTF-8 C strings owned by the caller.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaChatMessage
{
    public byte* Role;
    public byte* Content;
}
