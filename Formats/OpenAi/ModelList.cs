namespace LocalOpenAi.Formats.OpenAi;

/// <summary><c>GET /v1/models</c>.</summary>
public sealed record ModelList(IReadOnlyList<ModelCard> Data)
{
    public string Object { get; init; } = "list";
}

/// <summary>One model in the list; <c>owned_by</c> tells local from upstream.</summary>
public sealed record ModelCard(string Id, long Created, string OwnedBy)
{
    public string Object { get; init; } = "model";

    /// <summary>Local aliases: <c>loaded</c>, <c>loading</c> or <c>unloaded</c> (an extension, as Ollama's <c>/api/ps</c> tells).</summary>
    public string? State { get; init; }

    /// <summary>Local aliases: weights, KV cache and adapter in bytes, once the model file has been measured.</summary>
    public long? MemoryBytes { get; init; }
}
