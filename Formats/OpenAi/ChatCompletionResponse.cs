using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>A non-streamed chat completion.</summary>
public sealed record ChatCompletionResponse
{
    public required string Id { get; init; }

    public string Object { get; init; } = "chat.completion";

    public required long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<ChatChoice> Choices { get; init; }

    public required Usage Usage { get; init; }

    public required string SystemFingerprint { get; init; }
}

/// <summary>One choice of a chat completion.</summary>
public sealed record ChatChoice
{
    public required int Index { get; init; }

    public required ChatMessage Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ChoiceLogprobs? Logprobs { get; init; }

    public required string FinishReason { get; init; }
}

/// <summary>Token counts, with the prompt tokens served from the KV cache.</summary>
public sealed record Usage
{
    public required int PromptTokens { get; init; }

    public required int CompletionTokens { get; init; }

    public required int TotalTokens { get; init; }

    public PromptTokensDetails? PromptTokensDetails { get; init; }
}

/// <summary>OpenAI's <c>prompt_tokens_details</c>.</summary>
public sealed record PromptTokensDetails
{
    public required int CachedTokens { get; init; }
}

/// <summary>Chat logprobs: one entry per generated token.</summary>
public sealed record ChoiceLogprobs
{
    public required IReadOnlyList<TokenLogprobEntry> Content { get; init; }
}

/// <summary>A token, its log-probability and the most likely alternatives.</summary>
public sealed record TokenLogprobEntry
{
    public required string Token { get; init; }

    public required float Logprob { get; init; }

    public IReadOnlyList<byte>? Bytes { get; init; }

    public IReadOnlyList<TokenLogprobEntry>? TopLogprobs { get; init; }
}
