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
}
