using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Backends;

/// <summary>The leaf that runs a call on a local model through its scheduler.</summary>
internal sealed class LocalBackend(ModelManager models, UsageRecorder usage) : ICompletionBackend
{
    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        var (model, missing) = await ModelResolution.ResolveAsync(call.Http, models, call.LocalAlias);
        if (model is null)
        {
            return new RefusedOutcome(missing!);
        }

        var (run, invalid) = LocalRunPlanner.Plan(model, call.Request, call.MeasureLogprobs);
        if (run is null)
        {
            return new RefusedOutcome(invalid!);
        }

        if (call.MaxTokensIsCeiling)
        {
            run = run with { Generations = [.. run.Generations.Select(generation => WithinContext(generation, model.Scheduler.ContextSizePerSlot))] };
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var promptParam = call.Request is CompletionRequest ? "prompt" : "messages";
        var (choices, refusal) = ChoiceSubmitter.Submit(call.Http, model, run.Generations, cancellation, usage, promptParam);
        if (refusal is not null)
        {
            cancellation.Dispose();
            return new RefusedOutcome(refusal);
        }

        GenerationHeaders.SetLocal(call.Http.Response, model.Alias);
        PromptTokenCount.Set(call.Http, run.PromptTokens);
        var context = new GenerationContext(run.Shape.IdPrefix + RequestIdMiddleware.Get(call.Http), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model, run.PromptTokens, cancellation);
        if (call.Stream)
        {
            return await StreamOutcome.StartAsync(LocalEventStream.ReadAsync(context, choices!, run.Shape.StreamFormat(context), call.IncludeUsage), cancellationToken);
        }

        using (cancellation)
        {
            var collected = await CollectedChoices.CollectAsync(choices!);
            if (collected.Failure is { } failure)
            {
                return new RefusedOutcome(failure);
            }

            float[] measured = call.MeasureLogprobs ? [.. collected.Logprobs.SelectMany(list => list ?? []).Select(token => token.Logprob)] : [];
            if (call.MeasureLogprobs && !AsksForLogprobs(call.Request))
            {
                Array.Clear(collected.Logprobs);
            }

            return new JsonOutcome(run.Shape.Json(context, collected)) { TokenLogprobs = measured };
        }
    }

    /// <summary>The generation with its token limit cut to the room the prompt leaves in a slot; a prompt that does not fit stays refused.</summary>
    private static GenerationRequest WithinContext(GenerationRequest generation, int contextPerSlot) =>
        generation.MaxTokens is { } max && generation.PromptTokens.Count < contextPerSlot
            ? generation with { MaxTokens = Math.Min(max, contextPerSlot - generation.PromptTokens.Count) }
            : generation;

    private static bool AsksForLogprobs(object request) => request is ChatCompletionRequest { Logprobs: true } or CompletionRequest { Logprobs: not null };
}
