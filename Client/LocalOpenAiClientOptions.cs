namespace LocalOpenAi.Client;

/// <summary>The model an in-process client serves and how its context is shared between concurrent calls.</summary>
public sealed class LocalOpenAiClientOptions
{
    /// <summary>The GGUF file to load. Required.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>The id responses report; defaults to the file name without its extension.</summary>
    public string? ModelId { get; set; }

    /// <summary>A chat template by name (e.g. <c>llama3.1</c>, <c>chatml</c>); null recognises the GGUF's own.</summary>
    public string? ChatTemplate { get; set; }

    /// <summary>Calls decoded together in one batch (llama-server's <c>--parallel</c>).</summary>
    public int Slots { get; set; } = 4;

    /// <summary>Total KV cells, shared evenly between the slots.</summary>
    public int ContextSize { get; set; } = 16384;

    /// <summary>CPU threads for decoding; 0 uses every core.</summary>
    public int Threads { get; set; }

    /// <summary>Calls that may wait for a slot before new ones are refused.</summary>
    public int QueueSize { get; set; } = 64;

    /// <summary>Layers offloaded to the GPU; -1 offloads all that fit, 0 none.</summary>
    public int GpuLayers { get; set; } = -1;

    /// <summary>The most tokens one embedding input may have (capped by the model's training context).</summary>
    public int EmbeddingContextSize { get; set; } = 8192;
}
