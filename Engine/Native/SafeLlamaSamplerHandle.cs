using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>Owns a <c>llama_sampler*</c>: a chain (and with it every sampler added to the chain) or a lone grammar sampler.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaSamplerHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.SamplerFree(handle);
        return true;
    }
}
