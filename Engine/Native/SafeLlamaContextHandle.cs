using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>Owns a <c>llama_context*</c>.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.ContextFree(handle);
        return true;
    }
}
