using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>A legacy completion, or one streamed chunk of it (same object type, as OpenAI does).</summary>
public sealed record CompletionResponse
{
    public required string Id { get; init; }

    public string Object { get; init; } = "text_completion";

    public required long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<CompletionChoice> Choices { get; init; }

    public Usage? Usage { get; init; }

    public required string SystemFingerprint { get; init; }
}

/// <summary>One completion choice.</summary>
public sealed record CompletionChoice
{
    public required string Text { get; init; }

    public required int Index { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public CompletionLogprobs? Logprobs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }
}

/// <summary>Legacy logprobs: parallel arrays per token.</summary>
public sealed record CompletionLogprobs
{
    public required IReadOnlyList<string> Tokens { get; init; }

    public required IReadOnlyList<float> TokenLogprobs { get; init; }

    public required IReadOnlyList<IReadOnlyDictionary<string, float>> TopLogprobs { get; init; }

    public required IReadOnlyList<int> TextOffset { get; init; }
}
