using System.Text.Json;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>The answer of <c>POST /v1/embeddings</c>.</summary>
public sealed record EmbeddingResponse(IReadOnlyList<EmbeddingItem> Data, string Model, EmbeddingUsage Usage)
{
    public string Object { get; init; } = "list";
}

/// <summary>One embedding: a float array, or a base64 string when asked for.</summary>
public sealed record EmbeddingItem(int Index, JsonElement Embedding)
{
    public string Object { get; init; } = "embedding";
}

/// <summary>Token counts of an embeddings request.</summary>
public sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);
