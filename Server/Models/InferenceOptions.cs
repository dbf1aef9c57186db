using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Models;

/// <summary>The local model and how it is served (section <c>Inference</c>).</summary>
internal sealed class InferenceOptions
{
    public const string Section = "Inference";

    /// <summary>A GGUF path, <c>hf:</c> reference or <c>synthetic:PRESET</c>; with a models file, the default alias. Empty and no models file: not ready.</summary>
    public string? Model { get; set; }

    /// <summary>A YAML or JSON file of aliases, each with its own model, prompt format, slots, sampling defaults and LoRA adapter.</summary>
    public string? ModelsFile { get; set; }

    /// <summary>Most aliases loaded at once; loading one more first unloads the least recently used idle one. 0: no limit.</summary>
    [Range(0, 1024)]
    public int MaxLoadedModels { get; set; }

    /// <summary>Memory the loaded models may use (weights, KV cache, adapters), e.g. <c>12GiB</c>; empty: no limit.</summary>
    public string? MemoryBudget { get; set; }

    /// <summary>Unload an alias after this many seconds without requests; 0 keeps loaded models until evicted.</summary>
    [Range(0, int.MaxValue)]
    public int IdleUnloadSeconds { get; set; }

    /// <summary>How long a request waits for busy models to free the memory budget before it gets 503.</summary>
    public TimeSpan LoadWaitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often idle models and LoRA adapter files (hot reload) are checked.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The name clients use in <c>model</c>; defaults to the file name without extension.</summary>
    public string? Alias { get; set; }

    [Range(1, 256)]
    public int Parallel { get; set; } = 4;

    /// <summary>Total context (KV cells) shared by the slots; 0 means 4096 per slot, capped by the model.</summary>
    [Range(0, 1 << 24)]
    public int ContextSize { get; set; }

    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>
    /// Most tokens one decode step holds (llama-server's <c>--batch-size</c>, also 2048; llama.cpp runs it in
    /// micro-batches of at most 512): enough for a wave of new prompts to be read in one step, so their streams
    /// start together instead of one step apart.
    /// </summary>
    [Range(1, 1 << 16)]
    public int BatchSize { get; set; } = 2048;

    [Range(1, 100_000)]
    public int QueueSize { get; set; } = 64;

    /// <summary>
    /// Most prompt tokens one decode step reads while other requests are streaming (0: as many as the batch holds),
    /// so a long new prompt delays their next tokens by a bounded step instead of a whole batch.
    /// </summary>
    [Range(0, 1 << 16)]
    public int PrefillBudget { get; set; } = 256;

    /// <summary>
    /// Jump-forward decoding: where a request's grammar (<c>response_format</c>, tools) admits only one continuation,
    /// its tokens are appended in one decode step instead of one step each.
    /// </summary>
    public bool JumpForward { get; set; } = true;

    /// <summary>
    /// Milliseconds a step that would only read prompts waits for the rest of a burst of requests (0: never), so
    /// streams that start together stay in step and later starts do not stall them.
    /// </summary>
    [Range(0, 1000)]
    public int GatherWindowMs { get; set; } = 20;

    public int GpuLayers { get; set; } = -1;

    /// <summary>A chat template name (llama3.1, chatml, qwen2.5, phi3, mistral, gemma, zephyr) overriding the GGUF's.</summary>
    public string? ChatTemplate { get; set; }

    /// <summary>
    /// On shutdown (SIGTERM), how long running generations may finish; then streams end with an error event and
    /// <c>[DONE]</c>, waiting requests get 503, and the process exits. Orchestrators must wait longer before SIGKILL.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Also serve <c>/v1/embeddings</c> from this model (a second, pooled context).</summary>
    public bool Embeddings { get; set; }
}
