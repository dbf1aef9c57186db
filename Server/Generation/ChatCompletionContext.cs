using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Generation;

/// <summary>What every chunk or response of one chat completion shares.</summary>
/// <param name="Cancellation">Cancelled when the client leaves or the response fails; disposed by the result.</param>
public sealed record ChatCompletionContext(string Id, long Created, LocalModel Model, int PromptTokens, CancellationTokenSource Cancellation);
