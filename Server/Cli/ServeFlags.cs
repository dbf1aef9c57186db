using System.Globalization;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Cli;

/// <summary>The llama-server style flags of <c>serve</c> (SPEC.md fixes their names), each mapped onto a configuration key.</summary>
/// <remarks>Defaults come from the options classes, so that <c>--help</c> cannot drift from what the server does.</remarks>
internal static class ServeFlags
{
    /// <summary>The console log formats (<c>--log-format</c>): ASP.NET Core's built-in console formatters.</summary>
    public static readonly string[] LogFormats = ["simple", "json", "systemd"];

    private static readonly InferenceOptions InferenceDefaults = new();
    private static readonly ServerOptions ServerDefaults = new();

    public static IReadOnlyList<ServeFlag> All { get; } =
    [
        new("--model", "Inference:Model", ServeFlagKind.Text, "A GGUF file, hf:OWNER/REPO[:QUANT] (downloaded once into ~/.cache/localopenai) or synthetic:tiny|small|1b; with --models-file, the default alias") { Aliases = ["-m"] },
        new("--alias", "Inference:Alias", ServeFlagKind.Text, "The model name clients send (default: the file name without extension)"),
        new("--models-file", "Inference:ModelsFile", ServeFlagKind.Text, "A YAML or JSON file of aliases, each with its own model, slots and sampling defaults"),
        new("--max-loaded-models", "Inference:MaxLoadedModels", ServeFlagKind.Number, "Most aliases loaded at once; 0: no limit", Number(InferenceDefaults.MaxLoadedModels)),
        new("--memory-budget", "Inference:MemoryBudget", ServeFlagKind.Text, "Memory the loaded models may use, e.g. 12GiB; empty: no limit"),
        new("--idle-unload", "Inference:IdleUnloadSeconds", ServeFlagKind.Number, "Unload an alias after this many idle seconds; 0: never", Number(InferenceDefaults.IdleUnloadSeconds)),
        new("--parallel", "Inference:Parallel", ServeFlagKind.Number, "Slots: requests generated at the same time", Number(InferenceDefaults.Parallel)) { Aliases = ["-np"] },
        new("--ctx-size", "Inference:ContextSize", ServeFlagKind.Number, "Context (KV cells) shared by the slots; 0: 4096 per slot, capped by the model", Number(InferenceDefaults.ContextSize)) { Aliases = ["-c"] },
        new("--threads", "Inference:Threads", ServeFlagKind.Number, "CPU threads for generation; 0: one per CPU", Number(InferenceDefaults.Threads)) { Aliases = ["-t"] },
        new("--batch-size", "Inference:BatchSize", ServeFlagKind.Number, "Most tokens decoded in one step", Number(InferenceDefaults.BatchSize)),
        new("--queue-size", "Inference:QueueSize", ServeFlagKind.Number, "Requests waiting for a slot before new ones get 503", Number(InferenceDefaults.QueueSize)),
        new("--gpu-layers", "Inference:GpuLayers", ServeFlagKind.Number, "Layers offloaded to the GPU; -1: all", Number(InferenceDefaults.GpuLayers)) { Aliases = ["-ngl"] },
        new("--embeddings", "Inference:Embeddings", ServeFlagKind.Switch, "Also serve /v1/embeddings from this model"),
        new("--chat-template", "Inference:ChatTemplate", ServeFlagKind.Text, "llama3.1, chatml, qwen2.5, phi3, mistral, gemma or zephyr, instead of the GGUF's own template"),
        new("--port", "Server:Port", ServeFlagKind.Number, "TCP port to listen on; 0: any free port", Number(ServerDefaults.Port)),
        new("--host", "Server:Host", ServeFlagKind.Text, "Address to listen on; 0.0.0.0 for every interface", ServerDefaults.Host),
        new("--api-key", "Security:ApiKeys", ServeFlagKind.List, "A client key, 'KEY' or 'KEY OWNER' (repeatable); none: the server is open"),
        new("--admin-key", "Security:AdminKey", ServeFlagKind.Text, "The key for /admin/*; with no key at all, /admin/* answers loopback clients only"),
        new("--redis", "Cache:Redis", ServeFlagKind.Text, "HOST:PORT (or a StackExchange.Redis configuration string) of a Redis for the response cache (memory otherwise)") { Implies = [new("Cache:Store", "redis")] },
        new("--upstream-url", "Upstream:Url", ServeFlagKind.Text, "The API for requests routed to the cloud, e.g. https://api.openai.com/v1 (Anthropic with --set Upstream:Kind=anthropic; more with Upstreams:NAME)"),
        new("--upstream-key", "Upstream:Key", ServeFlagKind.Text, "The upstream API's key"),
        new("--strategy", "Router:Strategy", ServeFlagKind.Text, "How requests are spread between the local model and the upstream; without an upstream, everything is local", new RouterOptions().Strategy.ToWireName())
        {
            Allowed = [.. Enum.GetValues<RoutingStrategy>().Select(strategy => strategy.ToWireName())],
        },
        new("--log-format", "Logging:Console:FormatterName", ServeFlagKind.Text, "Console log format; json for log shippers", LogFormats[0]) { Allowed = LogFormats },
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
