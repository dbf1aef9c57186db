using LocalOpenAi.Client.Planning;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Backends;

/// <summary>Turns a chat or legacy completions request into the generations a model runs; a request the model cannot take is a 400.</summary>
internal static class LocalRunPlanner
{
    /// <param name="measureLogprobs">Compute the generated tokens' log-probabilities even when the request did not ask for them.</param>
    public static (LocalRun? Run, ErrorResult? Error) Plan(LocalModel model, object request, bool measureLogprobs) => request switch
    {
        ChatCompletionRequest chat => PlanChat(model, model.Defaults.ApplyTo(chat), measureLogprobs),
        CompletionRequest legacy => PlanCompletion(model, model.Defaults.ApplyTo(legacy), measureLogprobs),
        _ => throw new ArgumentException($"No local plan for {request.GetType().Name}.", nameof(request)),
    };

    private static (LocalRun?, ErrorResult?) PlanChat(LocalModel model, ChatCompletionRequest request, bool measureLogprobs)
    {
        var (run, error) = ChatRunPlanner.Plan(model.Model, model.Template, request);
        if (error is not null)
        {
            return (null, OpenAiError.BadRequest(error.Message, error.Param));
        }

        IReadOnlyList<GenerationRequest> generations = measureLogprobs
            ? [.. run!.Generations.Select(generation => generation with { TopLogprobs = generation.TopLogprobs ?? 0 })]
            : run!.Generations;
        return (new LocalRun(generations, run.PromptTokens, new ChatAnswerShape(run.Tools)), null);
    }

    private static (LocalRun?, ErrorResult?) PlanCompletion(LocalModel model, CompletionRequest request, bool measureLogprobs)
    {
        var prompts = new List<int[]>();
        foreach (var input in request.Prompt!)
        {
            var tokens = input.Tokens?.ToArray() ?? model.Model.Tokenize(input.Text!, addBeginOfSequence: true, parseSpecial: true);
            if (tokens.Any(token => token < 0 || token >= model.Model.VocabularySize))
            {
                return (null, OpenAiError.BadRequest($"Token ids must be between 0 and {model.Model.VocabularySize - 1} (the vocabulary size).", "prompt"));
            }

            prompts.Add(tokens);
        }

        var generations = prompts.SelectMany(tokens => Enumerable.Range(0, request.N ?? 1).Select(index => new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, index),
            request.MaxTokens ?? 16,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs ?? (measureLogprobs ? 0 : null)))).ToList();
        var echoed = request.Echo == true
            ? generations.Select(generation => model.Model.Detokenize(generation.PromptTokens.Skip(model.Model.IsBeginOfSequence(generation.PromptTokens[0]) ? 1 : 0), renderSpecial: true)).ToList()
            : [];
        return (new LocalRun(generations, prompts.Sum(tokens => tokens.Length), new CompletionAnswerShape(echoed)), null);
    }
}
