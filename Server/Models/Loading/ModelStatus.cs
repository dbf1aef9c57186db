namespace LocalOpenAi.Server.Models.Loading;

/// <summary>An alias as <c>/v1/models</c> and the admin endpoints describe it.</summary>
/// <param name="State"><c>loaded</c>, <c>loading</c> or <c>unloaded</c>.</param>
/// <param name="MemoryBytes">Weights, KV cache and adapter; null until the file has been measured.</param>
/// <param name="InFlight">Requests holding the model now.</param>
internal sealed record ModelStatus(string Alias, string State, long? MemoryBytes, DateTimeOffset? LoadedAt, int InFlight, string? LastError);
