using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
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
        var (plan, planError) = OutputPlanner.Plan(request, model.Template.Name);
        if (planError is not null)
        {
            return (null, planError);
        }

        string prompt;
        try
        {
            prompt = model.Template.Render(request.Messages!, request.Tools, addGenerationPrompt: true);
        }
        catch (ChatTemplateException exception)
        {
            return (null, OpenAiError.BadRequest(exception.Message, "messages"));
        }

        var tokens = model.Model.Tokenize(prompt, addBeginOfSequence: false, parseSpecial: true);
        var generation = new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, 0) with { Grammar = plan!.Grammar },
            request.EffectiveMaxTokens,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs == true ? request.TopLogprobs ?? 0 : measureLogprobs ? 0 : null);
        var generations = Enumerable.Range(0, request.N ?? 1)
            .Select(index => generation with { Sampling = generation.Sampling with { Seed = SamplingTranslator.ToOptions(request, index).Seed } })
            .ToList();
        return (new LocalRun(generations, tokens.Length, new ChatAnswerShape(plan.Tools)), null);
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
