using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>Owns a <c>llama_model*</c>.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaModelHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.ModelFree(handle);
        return true;
    }
}
