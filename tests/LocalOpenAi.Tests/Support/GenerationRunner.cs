using System.Text;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;

namespace LocalOpenAi.Tests.Support;

/// <summary>Submits a request and gathers its text and final chunk.</summary>
public static class GenerationRunner
{
    public static async Task<(string Text, GenerationChunk Final)> RunAsync(InferenceScheduler scheduler, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var submission = scheduler.Submit(request, cancellationToken);
        Assert.True(submission.IsAccepted, $"submission refused: {submission.Status} {submission.Error}");
        var text = new StringBuilder();
        GenerationChunk? final = null;
        await foreach (var chunk in submission.Chunks!)
        {
            text.Append(chunk.Text);
            final = chunk.IsFinal ? chunk : final;
        }

        Assert.NotNull(final);
        return (text.ToString(), final);
    }
}
