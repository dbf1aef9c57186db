namespace LocalOpenAi.Server.Cli;

/// <summary>Maps the llama-server style flags of SPEC.md onto configuration keys.</summary>
public static class CommandLineSwitches
{
    public static IReadOnlyDictionary<string, string> Mappings { get; } = new Dictionary<string, string>
    {
        ["--model"] = "Inference:Model",
        ["-m"] = "Inference:Model",
        ["--alias"] = "Inference:Alias",
        ["--parallel"] = "Inference:Parallel",
        ["-np"] = "Inference:Parallel",
        ["--ctx-size"] = "Inference:ContextSize",
        ["-c"] = "Inference:ContextSize",
        ["--threads"] = "Inference:Threads",
        ["-t"] = "Inference:Threads",
        ["--batch-size"] = "Inference:BatchSize",
        ["--queue-size"] = "Inference:QueueSize",
        ["--gpu-layers"] = "Inference:GpuLayers",
        ["-ngl"] = "Inference:GpuLayers",
        ["--port"] = "Server:Port",
        ["--host"] = "Server:Host",
    };
}
