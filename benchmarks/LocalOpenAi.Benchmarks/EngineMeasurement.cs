using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Benchmarks;

/// <summary>Prompt and decode speed through our full engine path: scheduler, batch, decode, sampling, detokenizing.</summary>
internal static class EngineMeasurement
{
    public static async Task<(double PromptTokensPerSecond, double DecodeTokensPerSecond)> MeasureAsync(InferenceScheduler scheduler, LlamaModel model, EngineBenchmarkOptions options, int seed)
    {
        var random = new Random(seed);
        var prompt = Enumerable.Range(0, options.PromptTokens).Select(_ => random.Next(1000, 100_000)).ToArray();

        // Prompt processing: one token out, so the time to the first token is the prompt's decode.
        var prefill = await RunAsync(scheduler, new GenerationRequest(prompt, SamplingOptions.Greedy, MaxTokens: 1, IgnoreEndOfGeneration: true));

        // Decode: a one-token prompt, then tokens one by one, timed after the first.
        var single = new[] { random.Next(1000, 100_000) };
        var decode = await RunAsync(scheduler, new GenerationRequest(single, SamplingOptions.Greedy, MaxTokens: options.GeneratedTokens + 1, IgnoreEndOfGeneration: true));
        var decodeSeconds = (decode.Duration - decode.TimeToFirstToken).TotalSeconds;
        return (options.PromptTokens / prefill.TimeToFirstToken.TotalSeconds, (decode.CompletionTokens - 1) / decodeSeconds);
    }

    private static async Task<GenerationUsage> RunAsync(InferenceScheduler scheduler, GenerationRequest request)
    {
        var submission = scheduler.Submit(request);
        GenerationUsage? usage = null;
        await foreach (var chunk in submission.Chunks ?? throw new InvalidOperationException(submission.Error))
        {
            usage = chunk.Usage ?? usage;
        }

        return usage!;
    }
}
