using LocalOpenAi.Server.Models;

namespace LocalOpenAi.Server.Generation;

/// <summary>What every chunk or response of one completion request shares.</summary>
/// <param name="PromptTokens">Prompt tokens over all prompts (counted once however many choices).</param>
/// <param name="Cancellation">Cancelled when the client leaves or the response fails; disposed by the result.</param>
internal sealed record GenerationContext(string Id, long Created, LocalModel Model, int PromptTokens, CancellationTokenSource Cancellation);
