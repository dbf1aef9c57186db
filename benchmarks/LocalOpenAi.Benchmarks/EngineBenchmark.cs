using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Benchmarks;

/// <summary>
/// Single-stream prompt and decode tokens/s of our engine and of llama-bench, alternating the two
/// in one run so both see the same machine state, then the ratio.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = EngineBenchmarkOptions.Parse(args);
        using var model = LlamaModel.Load(options.ModelPath);
        using var scheduler = new InferenceScheduler(model, new SchedulerOptions(
            Slots: 1, ContextSize: options.PromptTokens + options.GeneratedTokens + 64, BatchSize: Math.Max(512, options.PromptTokens), Threads: options.Threads));
        Console.WriteLine($"model: {model.Description}, {model.SizeInBytes / (1024.0 * 1024):F0} MiB; threads {options.Threads}; pp{options.PromptTokens} tg{options.GeneratedTokens}; {options.Repetitions} repetitions");
        await EngineMeasurement.MeasureAsync(scheduler, model, options, seed: 0);

        var ours = new List<(double Prompt, double Decode)>();
        var peer = new List<(double Prompt, double Decode)>();
        for (var repetition = 1; repetition <= options.Repetitions; repetition++)
        {
            ours.Add(await EngineMeasurement.MeasureAsync(scheduler, model, options, seed: repetition));
            if (options.LlamaBench is not null)
            {
                peer.Add(LlamaBenchPeer.Measure(options.LlamaBench, options));
            }

            Console.WriteLine($"  run {repetition}: ours pp {ours[^1].Prompt:F1} tg {ours[^1].Decode:F2}" + (peer.Count > 0 ? $" | llama-bench pp {peer[^1].Prompt:F1} tg {peer[^1].Decode:F2}" : string.Empty));
        }

        Report("prompt tokens/s", ours.Select(run => run.Prompt), peer.Select(run => run.Prompt));
        Report("decode tokens/s", ours.Select(run => run.Decode), peer.Select(run => run.Decode));
        return 0;
    }

    private static void Report(string what, IEnumerable<double> ours, IEnumerable<double> peer)
    {
        var ourMedian = Median(ours);
        var peerValues = peer.ToList();
        if (peerValues.Count == 0)
        {
            Console.WriteLine($"{what,-16} ours {ourMedian,8:F2}");
            return;
        }

        var peerMedian = Median(peerValues);
        Console.WriteLine($"{what,-16} ours {ourMedian,8:F2}  llama-bench {peerMedian,8:F2}  ratio {ourMedian / peerMedian:F3}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
