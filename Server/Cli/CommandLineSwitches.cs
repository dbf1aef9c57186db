namespace LocalOpenAi.Server.Cli;

/// <summary>Maps the llama-server style flags of SPEC.md onto configuration keys.</summary>
public static class CommandLineSwitches
{
    /// <summary>Flags that take no value on the command line (llama-server style), e.g. <c>--embeddings</c>.</summary>
    public static IReadOnlySet<string> BooleanFlags { get; } = new HashSet<string> { "--embeddings" };

    /// <summary>Flags that may repeat: each occurrence becomes the next index of a configuration list.</summary>
    public static IReadOnlyDictionary<string, string> ListFlags { get; } = new Dictionary<string, string>
    {
        ["--api-key"] = "Security:ApiKeys",
    };

    /// <summary>The list flag whose value may be followed by an owner word: <c>--api-key KEY OWNER</c>.</summary>
    public const string OwnerFlag = "--api-key";

    /// <summary>Settings a flag implies besides its own, e.g. <c>--redis</c> also selects the Redis cache store.</summary>
    public static IReadOnlyDictionary<string, string[]> ImpliedSettings { get; } = new Dictionary<string, string[]>
    {
        ["--redis"] = ["--Cache:Store=redis"],
    };

    /// <summary>
    /// Gives bare boolean flags the value <c>true</c>, which the configuration parser needs, and turns
    /// repeated list flags (<c>--api-key A --api-key B OWNER</c>) into indexed keys (<c>Security:ApiKeys:0=A</c>, <c>:1=B OWNER</c>).
    /// </summary>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var normalized = new List<string>(args.Count + 2);
        var listIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var implied = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inlineValue) = args[i].Split('=', 2) is [var name, var value] ? (name, value) : (args[i], null);
            if (ListFlags.TryGetValue(flag, out var listKey) && (inlineValue is not null || i + 1 < args.Count))
            {
                var index = listIndexes.GetValueOrDefault(listKey);
                listIndexes[listKey] = index + 1;
                var entry = inlineValue ?? args[++i];

                // --api-key KEY OWNER: the owner is the next word when it is not a flag.
                if (flag == OwnerFlag && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    entry += " " + args[++i];
                }

                normalized.Add($"--{listKey}:{index}={entry}");
                continue;
            }

            normalized.Add(args[i]);
            implied.AddRange(ImpliedSettings.GetValueOrDefault(flag) ?? []);
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith('-');
            if (BooleanFlags.Contains(args[i]) && !hasValue)
            {
                normalized.Add("true");
            }
        }

        return [.. normalized, .. implied];
    }

    public static IReadOnlyDictionary<string, string> Mappings { get; } = new Dictionary<string, string>
    {
        ["--model"] = "Inference:Model",
        ["-m"] = "Inference:Model",
        ["--alias"] = "Inference:Alias",
        ["--models-file"] = "Inference:ModelsFile",
        ["--max-loaded-models"] = "Inference:MaxLoadedModels",
        ["--memory-budget"] = "Inference:MemoryBudget",
        ["--idle-unload"] = "Inference:IdleUnloadSeconds",
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
        ["--redis"] = "Cache:Redis",
        ["--upstream-url"] = "Upstream:Url",
        ["--upstream-key"] = "Upstream:Key",
        ["--admin-key"] = "Security:AdminKey",
        ["--strategy"] = "Router:Strategy",
        ["--port"] = "Server:Port",
        ["--host"] = "Server:Host",
    };
}
