using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>The body of <c>POST /v1/embeddings</c>.</summary>
public sealed record EmbeddingRequest
{
    public string? Model { get; init; }

    /// <summary>A string, strings, a token array or token arrays (the same shapes as a completion prompt).</summary>
    [JsonConverter(typeof(PromptInputConverter))]
    public IReadOnlyList<PromptInput>? Input { get; init; }

    /// <summary><c>float</c> (default) or <c>base64</c> (little-endian float32).</summary>
    public string? EncodingFormat { get; init; }

    public int? Dimensions { get; init; }

    public string? User { get; init; }
}
