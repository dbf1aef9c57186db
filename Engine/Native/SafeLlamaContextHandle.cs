using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>Owns a <c>llama_context*</c>, and keeps the native objects it points at alive until it is freed.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly List<SafeHandle> _held = [];

    public SafeLlamaContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Keeps <paramref name="dependency"/> (e.g. an adapter set on this context) from being freed before this context.</summary>
    /// <remarks>Called by the context's owner thread only, before the context is released.</remarks>
    public void Hold(SafeHandle dependency)
    {
        var added = false;
        dependency.DangerousAddRef(ref added);
        _held.Add(dependency);
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.ContextFree(handle);
        _held.ForEach(dependency => dependency.DangerousRelease());
        return true;
    }
}
