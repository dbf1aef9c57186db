using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// The events of a local generation in a format's shape: opening events once the first token exists,
/// deltas as tokens arrive, a finish per choice, an optional usage event. A failure ends it with one
/// failure event; a client that leaves cancels the generations at the next decode step.
/// </summary>
internal static class LocalEventStream
{
    public static async IAsyncEnumerable<StreamEvent> ReadAsync(
        GenerationContext context,
        IReadOnlyList<IAsyncEnumerable<GenerationChunk>> choices,
        IGenerationStreamFormat format,
        bool includeUsage)
    {
        var cancellation = context.Cancellation;
        var finished = false;
        try
        {
            var opened = false;
            var completionTokens = 0;
            var cachedTokens = 0;
            await foreach (var (index, chunk) in ChoiceMerger.MergeAsync(choices, CancellationToken.None))
            {
                if (chunk.Finish is FinishReason.Cancelled)
                {
                    yield return StreamEvent.Failed(chunk.Error is { } shutdown ? OpenAiError.ShuttingDown(shutdown) : RefusedOutcome.ClientGone.Error);
                    yield break;
                }

                if (chunk.Finish is FinishReason.Error)
                {
                    yield return StreamEvent.Failed(OpenAiError.Internal(chunk.Error ?? "Generation failed."));
                    yield break;
                }

                if (!opened)
                {
                    opened = true;
                    for (var choice = 0; choice < choices.Count; choice++)
                    {
                        foreach (var opening in format.Opening(choice))
                        {
                            yield return new StreamEvent(opening);
                        }
                    }
                }

                if (chunk.Text.Length > 0 || chunk.Logprobs is not null)
                {
                    foreach (var delta in format.Delta(index, chunk))
                    {
                        yield return new StreamEvent(delta);
                    }
                }

                if (chunk is { Finish: { } finish, Usage: { } usage })
                {
                    completionTokens += usage.CompletionTokens;
                    cachedTokens = Math.Max(cachedTokens, usage.CachedPromptTokens);
                    foreach (var closing in format.Finish(index, finish))
                    {
                        yield return new StreamEvent(closing);
                    }
                }
            }

            if (includeUsage)
            {
                foreach (var usage in format.Usage(completionTokens, cachedTokens))
                {
                    yield return new StreamEvent(usage);
                }
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // A reader that stopped early (a client gone, a failure) must not leave choices generating.
                await cancellation.CancelAsync();
            }

            cancellation.Dispose();
        }
    }
}
