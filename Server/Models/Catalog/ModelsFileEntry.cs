namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>One alias of a models file; what it leaves out comes from the server's own settings.</summary>
internal sealed record ModelsFileEntry
{
    /// <summary>A GGUF path (relative to the models file), <c>hf:OWNER/REPO[:QUANT]</c> or <c>synthetic:PRESET</c>.</summary>
    public string? Model { get; init; }

    public string? ChatTemplate { get; init; }

    public int? CtxSize { get; init; }

    public int? Parallel { get; init; }

    public int? GpuLayers { get; init; }

    /// <summary>Load at start-up instead of on first use.</summary>
    public bool? Preload { get; init; }

    public bool? Embeddings { get; init; }

    public SamplingDefaults? Defaults { get; init; }

    public ModelsFileAdapter? Lora { get; init; }
}
