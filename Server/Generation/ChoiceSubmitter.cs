using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Generation;

/// <summary>Queues every choice of a request; if one is refused, the others are cancelled and the refusal answered.</summary>
public static class ChoiceSubmitter
{
    public static (IReadOnlyList<IAsyncEnumerable<GenerationChunk>>? Choices, IResult? Refusal) Submit(
        LocalModel model, IEnumerable<GenerationRequest> requests, CancellationTokenSource cancellation, LocalOpenAiMetrics metrics)
    {
        var scheduler = model.Scheduler;
        var choices = new List<IAsyncEnumerable<GenerationChunk>>();
        foreach (var request in requests)
        {
            var submission = scheduler.Submit(request, cancellation.Token);
            if (!submission.IsAccepted)
            {
                cancellation.Cancel();
                return (null, submission.Status switch
                {
                    SubmitStatus.ContextLengthExceeded => OpenAiError.ContextLengthExceeded(submission.Error!),
                    SubmitStatus.InvalidGrammar => OpenAiError.BadRequest(submission.Error!, "grammar"),
                    SubmitStatus.QueueFull => OpenAiError.Overloaded(submission.Error!),
                    _ => OpenAiError.Unavailable(submission.Error!),
                });
            }

            choices.Add(RecordUsage(submission.Chunks!, model.Alias, metrics));
        }

        return (choices, null);
    }

    /// <summary>Passes chunks through and records each choice's token counts and timings when it ends.</summary>
    private static async IAsyncEnumerable<GenerationChunk> RecordUsage(IAsyncEnumerable<GenerationChunk> chunks, string model, LocalOpenAiMetrics metrics)
    {
        await foreach (var chunk in chunks)
        {
            if (chunk.Usage is { } usage)
            {
                metrics.RecordGeneration(model, usage);
                metrics.RecordQueueWait(model, usage.QueueWait);
            }

            yield return chunk;
        }
    }
}
