namespace LocalOpenAi.Server.Backends;

/// <summary>
/// Answers one completion call. Leaves run it (the local model, an upstream API); decorators wrap
/// another backend (cache, routing, recording). Front-ends translate their API to a call and the
/// outcome back, so every API surface shares one path.
/// </summary>
/// <remarks>Nothing is written to the client here: the outcome is a value the front-end writes.</remarks>
internal interface ICompletionBackend
{
    Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken);
}
