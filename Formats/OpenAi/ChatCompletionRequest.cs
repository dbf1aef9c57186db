using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>The body of <c>POST /v1/chat/completions</c>, with llama-server's sampling extras.</summary>
public sealed record ChatCompletionRequest : SamplingRequest
{
    public string? Model { get; init; }

    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    public int? MaxCompletionTokens { get; init; }

    public IReadOnlyList<ChatTool>? Tools { get; init; }

    public JsonElement? ToolChoice { get; init; }

    public bool? ParallelToolCalls { get; init; }

    public JsonElement? ResponseFormat { get; init; }

    /// <summary>OpenAI's chat form: true plus <see cref="SamplingRequest.TopLogprobs"/>.</summary>
    public new bool? Logprobs { get; init; }

    [JsonIgnore]
    public int? EffectiveMaxTokens => MaxCompletionTokens ?? MaxTokens;
}
