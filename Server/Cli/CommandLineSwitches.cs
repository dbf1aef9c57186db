namespace LocalOpenAi.Server.Cli;

/// <summary>Maps the llama-server style flags of SPEC.md onto configuration keys.</summary>
public static class CommandLineSwitches
{
    /// <summary>Flags that take no value on the command line (llama-server style), e.g. <c>--embeddings</c>.</summary>
    public static IReadOnlySet<string> BooleanFlags { get; } = new HashSet<string> { "--embeddings" };

    /// <summary>Gives bare boolean flags the value <c>true</c>, which the configuration parser needs.</summary>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var normalized = new List<string>(args.Count + 2);
        for (var i = 0; i < args.Count; i++)
        {
            normalized.Add(args[i]);
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith('-');
            if (BooleanFlags.Contains(args[i]) && !hasValue)
            {
                normalized.Add("true");
            }
        }

        return [.. normalized];
    }

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
        ["--embeddings"] = "Inference:Embeddings",
        ["--chat-template"] = "Inference:ChatTemplate",
        ["--port"] = "Server:Port",
        ["--host"] = "Server:Host",
    };
}
