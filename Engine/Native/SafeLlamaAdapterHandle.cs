using Microsoft.Win32.SafeHandles;

namespace LocalOpenAi.Engine.Native;

/// <summary>Owns a <c>llama_adapter_lora*</c> and keeps its model alive until the adapter is freed.</summary>
/// <remarks>
/// llama.cpp frees the adapters still loaded when their model is freed, so freeing an adapter after
/// its model would free it twice. The handle therefore holds a reference on the model's handle and
/// gives it back only after <c>llama_adapter_lora_free</c>: whatever order the two are disposed in,
/// the model is freed last.
/// </remarks>
internal sealed class SafeLlamaAdapterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private SafeLlamaModelHandle? _model;

    public SafeLlamaAdapterHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Loads an adapter onto <paramref name="model"/>; an invalid handle when llama.cpp refuses it (it logs why).</summary>
    public static SafeLlamaAdapterHandle Load(SafeLlamaModelHandle model, string path)
    {
        var adapter = new SafeLlamaAdapterHandle();
        var added = false;
        model.DangerousAddRef(ref added);
        try
        {
            var pointer = LlamaNative.AdapterLoraInit(model, path);
            if (pointer != 0)
            {
                adapter._model = model;
                adapter.SetHandle(pointer);
            }
        }
        finally
        {
            if (adapter.IsInvalid)
            {
                model.DangerousRelease();
            }
        }

        return adapter;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.AdapterLoraFree(handle);
        _model?.DangerousRelease();
        return true;
    }
}
