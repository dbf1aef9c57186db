using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Generation;

/// <summary>Queues every choice of a request; if one is refused, the others are cancelled and the refusal answered.</summary>
internal static class ChoiceSubmitter
{
    public static (IReadOnlyList<IAsyncEnumerable<GenerationChunk>>? Choices, ErrorResult? Refusal) Submit(
        HttpContext http, LocalModel model, IEnumerable<GenerationRequest> requests, CancellationTokenSource cancellation, UsageRecorder recorder, string promptParam = "messages")
    {
        var scheduler = model.Scheduler;
        var all = requests.ToList();
        if (CheckFits(all, model) is { } invalid)
        {
            cancellation.Cancel();
            return (null, invalid);
        }

        var choices = new List<IAsyncEnumerable<GenerationChunk>>();
        foreach (var request in all)
        {
            var submission = scheduler.Submit(request, cancellation.Token);
            if (!submission.IsAccepted)
            {
                cancellation.Cancel();
                return (null, submission.Status switch
                {
                    SubmitStatus.ContextLengthExceeded => OpenAiError.ContextLengthExceeded(submission.Error!, promptParam),
                    SubmitStatus.InvalidGrammar => OpenAiError.BadRequest(submission.Error!, "grammar"),
                    SubmitStatus.QueueFull => OpenAiError.Overloaded(submission.Error!),
                    _ => OpenAiError.Unavailable(submission.Error!),
                });
            }

            choices.Add(RecordUsage(submission.Chunks!, usage => recorder.Record(http, model.Alias, usage)));
        }

        return (choices, null);
    }

    /// <summary>What no amount of waiting fixes: more choices than the model can ever hold at once, token ids outside its vocabulary.</summary>
    private static ErrorResult? CheckFits(List<GenerationRequest> requests, LocalModel model)
    {
        if (requests.Count > model.Scheduler.Capacity)
        {
            return OpenAiError.BadRequest(
                $"The request asks for {requests.Count} generations (prompts times 'n'); this model serves at most {model.Scheduler.Capacity} at once, so it can never be accepted.",
                "n");
        }

        var vocabulary = model.Model.VocabularySize;
        return requests.Any(request => request.Sampling.LogitBias?.Keys.Any(token => token < 0 || token >= vocabulary) == true)
            ? OpenAiError.BadRequest($"'logit_bias' names a token id outside the vocabulary (0 to {vocabulary - 1}).", "logit_bias")
            : null;
    }

    /// <summary>Passes chunks through and records each choice's token counts and timings when it ends.</summary>
    private static async IAsyncEnumerable<GenerationChunk> RecordUsage(IAsyncEnumerable<GenerationChunk> chunks, Action<GenerationUsage> record)
    {
        await foreach (var chunk in chunks)
        {
            if (chunk.Usage is { } usage)
            {
                record(usage);
            }

            yield return chunk;
        }
    }
}
