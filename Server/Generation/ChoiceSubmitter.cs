using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>Queues every choice of a request; if one is refused, the others are cancelled and the refusal answered.</summary>
public static class ChoiceSubmitter
{
    public static (IReadOnlyList<IAsyncEnumerable<GenerationChunk>>? Choices, IResult? Refusal) Submit(
        InferenceScheduler scheduler, IEnumerable<GenerationRequest> requests, CancellationTokenSource cancellation)
    {
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

            choices.Add(submission.Chunks!);
        }

        return (choices, null);
    }
}
