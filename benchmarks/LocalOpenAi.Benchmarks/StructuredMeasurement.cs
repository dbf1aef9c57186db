using System.Diagnostics;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Sampling;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Benchmarks;

/// <summary>One structured request: end-to-end latency and where its tokens came from.</summary>
/// <param name="DecodeSteps">Tokens sampled one by one, each from its own decode step (the first from the prompt's).</param>
internal sealed record StructuredMeasurement(TimeSpan Latency, int CompletionTokens, int ForcedTokens, int DecodeSteps, bool Completed)
{
    public static async Task<StructuredMeasurement> RunAsync(InferenceScheduler scheduler, IReadOnlyList<int> prompt, string grammar, int maxTokens, uint seed)
    {
        var started = Stopwatch.GetTimestamp();
        var sampling = new SamplingOptions(Temperature: 1f, Seed: seed, Grammar: grammar);
        var submission = scheduler.Submit(new GenerationRequest(prompt, sampling, MaxTokens: maxTokens));
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks ?? throw new InvalidOperationException(submission.Error))
        {
            final = chunk.IsFinal ? chunk : final;
        }

        var usage = final?.Usage ?? throw new InvalidOperationException(final?.Error ?? "no final chunk");
        return new StructuredMeasurement(
            Stopwatch.GetElapsedTime(started), usage.CompletionTokens, usage.ForcedTokens,
            usage.CompletionTokens - usage.ForcedTokens, final.Finish == FinishReason.Stop);
    }
}
