using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;

namespace LocalOpenAi.Client.Planning;

/// <summary>Turns a chat request into the generations a model runs: output constraints, the rendered prompt, sampling per choice.</summary>
internal static class ChatRunPlanner
{
    public static (ChatRun? Run, PlanError? Error) Plan(LlamaModel model, IChatTemplate template, ChatCompletionRequest request)
    {
        var (plan, planError) = OutputPlanner.Plan(request, template.Name);
        if (planError is not null)
        {
            return (null, planError);
        }

        string prompt;
        try
        {
            prompt = template.Render(request.Messages!, request.Tools, addGenerationPrompt: true);
        }
        catch (ChatTemplateException exception)
        {
            return (null, new PlanError(exception.Message, "messages"));
        }

        var tokens = model.Tokenize(prompt, addBeginOfSequence: false, parseSpecial: true);
        var generation = new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, 0) with { Grammar = plan!.Grammar },
            request.EffectiveMaxTokens,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs == true ? request.TopLogprobs ?? 0 : null);
        var generations = Enumerable.Range(0, request.N ?? 1)
            .Select(index => generation with { Sampling = generation.Sampling with { Seed = SamplingTranslator.ToOptions(request, index).Seed } })
            .ToList();
        return (new ChatRun(generations, tokens.Length, plan.Tools), null);
    }
}
