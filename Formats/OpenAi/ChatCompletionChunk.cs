using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>One server-sent event of a streamed chat completion.</summary>
public sealed record ChatCompletionChunk
{
    public required string Id { get; init; }

    public string Object { get; init; } = "chat.completion.chunk";

    public required long Created { get; init; }

    public required string Model { get; init; }

    public required string SystemFingerprint { get; init; }

    public required IReadOnlyList<ChatChunkChoice> Choices { get; init; }

    public Usage? Usage { get; init; }
}

/// <summary>A choice's delta within a chunk.</summary>
public sealed record ChatChunkChoice
{
    public required int Index { get; init; }

    public required ChatDelta Delta { get; init; }

    public ChoiceLogprobs? Logprobs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }
}

/// <summary>What a chunk adds to the assistant message.</summary>
public sealed record ChatDelta
{
    public string? Role { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }
}
