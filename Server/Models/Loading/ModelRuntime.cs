using LocalOpenAi.Engine;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>
/// One loaded instance of an alias: its scheduler and everything it holds. Requests hold leases on
/// it; it is freed only when unloaded (or replaced by an adapter reload) and no lease is left.
/// </summary>
/// <remarks>Lease counts and <see cref="Retired"/> change under the model manager's lock.</remarks>
internal sealed class ModelRuntime(LocalModel model, Lease<LlamaModel> weights, LoraAdapter? adapter, AdapterStamp? adapterStamp, ModelFootprint footprint, IDisposable gauges) : IDisposable
{
    private int _disposed;

    public LocalModel Model { get; } = model;

    public ModelFootprint Footprint { get; } = footprint;

    /// <summary>The adapter file as it was when loaded.</summary>
    public AdapterStamp? AdapterStamp { get; } = adapterStamp;

    public int Leases { get; set; }

    /// <summary>No longer the alias's current instance: freed when its last lease ends.</summary>
    public bool Retired { get; set; }

    /// <summary>Frees the context first, then the adapter it points to, then (with the last holder) the weights.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        gauges.Dispose();
        Model.Scheduler.Dispose();
        Model.Embeddings?.Dispose();
        adapter?.Dispose();
        weights.Dispose();
    }
}
