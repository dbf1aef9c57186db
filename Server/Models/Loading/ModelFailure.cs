namespace LocalOpenAi.Server.Models.Loading;

/// <summary>Why an alias could not be served: unknown, failed to load, or no room while busy models hold the memory.</summary>
internal sealed record ModelFailure(ModelFailureKind Kind, string Message);
