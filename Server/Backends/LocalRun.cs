using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Server.Backends;

/// <summary>What a local call becomes once its prompt is rendered: the generations to queue and how to answer.</summary>
/// <param name="PromptTokens">Prompt tokens over all prompts, counted once however many choices.</param>
internal sealed record LocalRun(IReadOnlyList<GenerationRequest> Generations, int PromptTokens, ILocalAnswerShape Shape);
