using System.Text.Json;
using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.Grammar;

namespace LocalOpenAi.Benchmarks;

/// <summary>
/// Structured output (the grammar <c>response_format</c> <c>json_schema</c> compiles to) with jump-forward
/// decoding on and off: decode steps, tokens forced and end-to-end latency per schema, median of the rounds,
/// which alternate which setting goes first. The last row, a free string, forces nothing: it prices the probing.
/// </summary>
internal static class StructuredOutputBenchmark
{
    private const string ProbeOnlySchema = """{"type":"string","maxLength":1000}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = StructuredOutputOptions.Parse(args);
        using var model = LlamaModel.Load(options.ModelPath);
        using var on = NewScheduler(model, options, jumpForward: true);
        using var off = NewScheduler(model, options, jumpForward: false);
        var prompt = model.Tokenize("Answer in JSON.");
        Console.WriteLine($"model: {model.Description}; threads {options.Threads}; max_tokens {options.MaxTokens}; {options.Rounds} rounds of {options.Requests} requests");
        Console.WriteLine($"{"schema",-14} {"setting",-4} {"latency ms",10} {"tokens",7} {"forced",7} {"steps",6} {"ms/token",9} {"done",5}");
        foreach (var (name, grammar) in Grammars(options.SchemasPath))
        {
            await StructuredMeasurement.RunAsync(on, prompt, grammar, options.MaxTokens, seed: 0);
            await StructuredMeasurement.RunAsync(off, prompt, grammar, options.MaxTokens, seed: 0);
            var results = new Dictionary<bool, List<StructuredMeasurement>> { [true] = [], [false] = [] };
            for (var round = 0; round < options.Rounds; round++)
            {
                foreach (var jumpForward in round % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    for (var request = 1; request <= options.Requests; request++)
                    {
                        results[jumpForward].Add(await StructuredMeasurement.RunAsync(jumpForward ? on : off, prompt, grammar, options.MaxTokens, (uint)request));
                    }
                }
            }

            Report(name, "on", results[true]);
            Report(name, "off", results[false]);
            Console.WriteLine($"{name,-14} on/off latency {Median(results[true], run => run.Latency.TotalMilliseconds) / Median(results[false], run => run.Latency.TotalMilliseconds):F3}");
        }

        return 0;
    }

    private static InferenceScheduler NewScheduler(LlamaModel model, StructuredOutputOptions options, bool jumpForward) =>
        new(model, new SchedulerOptions(Slots: 1, ContextSize: options.MaxTokens + 256, Threads: options.Threads, JumpForward: jumpForward));

    private static IEnumerable<(string Name, string Grammar)> Grammars(string schemasPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(schemasPath));
        var schemas = document.RootElement.EnumerateObject().Select(property => (property.Name, Schema: property.Value.GetRawText())).ToList();
        schemas.Add(("free_string", ProbeOnlySchema));
        foreach (var (name, schema) in schemas)
        {
            var grammar = JsonSchemaGrammar.Convert(schema);
            yield return (name, grammar.Grammar ?? throw new InvalidOperationException($"{name}: {grammar.Error}"));
        }
    }

    private static void Report(string name, string setting, List<StructuredMeasurement> runs)
    {
        var tokens = runs.Average(run => run.CompletionTokens);
        var latency = Median(runs, run => run.Latency.TotalMilliseconds);
        Console.WriteLine($"{name,-14} {setting,-4} {latency,10:F1} {tokens,7:F1} {runs.Average(run => run.ForcedTokens),7:F1} {runs.Average(run => run.DecodeSteps),6:F1} " +
            $"{Median(runs, run => run.Latency.TotalMilliseconds / run.CompletionTokens),9:F2} {runs.Count(run => run.Completed),2}/{runs.Count}");
    }

    private static double Median(List<StructuredMeasurement> runs, Func<StructuredMeasurement, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
