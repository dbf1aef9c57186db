namespace LocalOpenAi.Benchmarks;

/// <summary>Command-line settings of the engine benchmark (llama-bench's names where they exist).</summary>
internal sealed record EngineBenchmarkOptions(string ModelPath, string? LlamaBench, int Threads, int PromptTokens, int GeneratedTokens, int Repetitions)
{
    public static EngineBenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return new EngineBenchmarkOptions(
            values.GetValueOrDefault("-m") ?? throw new ArgumentException("usage: -m MODEL.gguf [--llama-bench PATH] [-t 2] [-p 512] [-n 128] [-r 3]"),
            values.GetValueOrDefault("--llama-bench"),
            int.Parse(values.GetValueOrDefault("-t", "2"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("-p", "512"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("-n", "128"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("-r", "3"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
