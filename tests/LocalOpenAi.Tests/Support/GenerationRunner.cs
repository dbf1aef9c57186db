using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Tests.Support;

/// <summary>Submits a request and gathers its text and final chunk.</summary>
public static class GenerationRunner
{
    public static async Task<GenerationResult> RunAsync(InferenceScheduler scheduler, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var submission = scheduler.Submit(request, cancellationToken);
        Assert.True(submission.IsAccepted, $"submission refused: {submission.Status} {submission.Error}");
        var text = new StringBuilder();
        var logprobs = new List<TokenLogprob>();
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks!)
        {
            text.Append(chunk.Text);
            logprobs.AddRange(chunk.Logprobs ?? []);
            final = chunk.IsFinal ? chunk : final;
        }

        Assert.NotNull(final);
        return new GenerationResult(text.ToString(), final, logprobs);
    }
}

/// <summary>The text, the final chunk and every token's log-probabilities (when asked for) of one generation.</summary>
public sealed record GenerationResult(string Text, GenerationChunk Final, IReadOnlyList<TokenLogprob> Logprobs)
{
    public void Deconstruct(out string text, out GenerationChunk final) => (text, final) = (Text, Final);
}
