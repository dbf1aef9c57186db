using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>The body of <c>POST /v1/completions</c> (OpenAI legacy completions).</summary>
public sealed record CompletionRequest : SamplingRequest
{
    public string? Model { get; init; }

    /// <summary>One or more prompts: a string, strings, a token array or token arrays.</summary>
    [JsonConverter(typeof(PromptInputConverter))]
    public IReadOnlyList<PromptInput>? Prompt { get; init; }

    /// <summary>Return the prompt in front of the completion.</summary>
    public bool? Echo { get; init; }

    public JsonElement? ResponseFormat { get; init; }
}

/// <summary>A prompt given as text or as token ids.</summary>
public sealed record PromptInput(string? Text, IReadOnlyList<int>? Tokens);
