using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Hosting;

/// <summary>The local model and how it is served (section <c>Inference</c>).</summary>
public sealed class InferenceOptions
{
    public const string Section = "Inference";

    /// <summary>A GGUF path. Empty starts the server without a model (not ready).</summary>
    public string? Model { get; set; }

    /// <summary>The name clients use in <c>model</c>; defaults to the file name without extension.</summary>
    public string? Alias { get; set; }

    [Range(1, 256)]
    public int Parallel { get; set; } = 4;

    /// <summary>Total context (KV cells) shared by the slots; 0 means 4096 per slot, capped by the model.</summary>
    [Range(0, 1 << 24)]
    public int ContextSize { get; set; }

    [Range(0, 1024)]
    public int Threads { get; set; }

    [Range(1, 1 << 16)]
    public int BatchSize { get; set; } = 512;

    [Range(1, 100_000)]
    public int QueueSize { get; set; } = 64;

    public int GpuLayers { get; set; } = -1;

    /// <summary>A chat template name (llama3.1, chatml, qwen2.5, phi3, mistral, gemma, zephyr) overriding the GGUF's.</summary>
    public string? ChatTemplate { get; set; }

    /// <summary>On shutdown, how long running generations may finish before they are cancelled.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Also serve <c>/v1/embeddings</c> from this model (a second, pooled context).</summary>
    public bool Embeddings { get; set; }
}
