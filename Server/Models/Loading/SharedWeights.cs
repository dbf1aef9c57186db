using LocalOpenAi.Engine;

namespace LocalOpenAi.Server.Models.Loading;

/// <summary>
/// Loaded GGUF weights, counted by their users: aliases of one file (a base model under different
/// LoRA adapters, prompt formats or slot counts) share one copy, freed when the last alias lets go.
/// </summary>
internal sealed class SharedWeights
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Path, int GpuLayers), Holder> _loaded = [];

    /// <summary>The weights, loaded now unless another alias already holds them. Dispose the lease when done.</summary>
    /// <exception cref="ModelLoadException">The file cannot be loaded.</exception>
    public Lease<LlamaModel> Acquire(string path, int gpuLayers)
    {
        Holder holder;
        lock (_gate)
        {
            if (!_loaded.TryGetValue((path, gpuLayers), out holder!))
            {
                holder = new Holder(new Lazy<LlamaModel>(() => LlamaModel.Load(path, new LlamaModelOptions(gpuLayers))));
                _loaded.Add((path, gpuLayers), holder);
            }

            holder.Users++;
        }

        try
        {
            return new Lease<LlamaModel>(holder.Model.Value, () => Release((path, gpuLayers), holder));
        }
        catch
        {
            Release((path, gpuLayers), holder);
            throw;
        }
    }

    private void Release((string Path, int GpuLayers) key, Holder holder)
    {
        lock (_gate)
        {
            if (--holder.Users > 0)
            {
                return;
            }

            _loaded.Remove(key);
        }

        if (holder.Model.IsValueCreated)
        {
            holder.Model.Value.Dispose();
        }
    }

    private sealed class Holder(Lazy<LlamaModel> model)
    {
        public Lazy<LlamaModel> Model { get; } = model;

        public int Users { get; set; }
    }
}
