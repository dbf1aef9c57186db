namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>Everything needed to load and serve one alias.</summary>
/// <param name="Source">A GGUF path, <c>hf:</c> reference or <c>synthetic:PRESET</c>; aliases with one source share its weights.</param>
/// <param name="ContextSize">Total KV cells over the slots; 0 picks 4096 per slot, capped by the model.</param>
/// <param name="Preload">Load at start-up (readiness waits for it) rather than on first use.</param>
internal sealed record ModelDefinition(
    string Alias,
    string Source,
    string? ChatTemplate,
    int ContextSize,
    int Parallel,
    int GpuLayers,
    bool Embeddings,
    bool Preload,
    SamplingDefaults Defaults,
    AdapterDefinition? Adapter);
