using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Models.Catalog;

/// <summary>An alias's sampling settings for requests that leave them out.</summary>
internal sealed record SamplingDefaults
{
    public static SamplingDefaults None { get; } = new();

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public int? MaxTokens { get; init; }

    public ChatCompletionRequest ApplyTo(ChatCompletionRequest request) => request with
    {
        Temperature = request.Temperature ?? Temperature,
        TopP = request.TopP ?? TopP,
        MaxTokens = request.EffectiveMaxTokens is null ? MaxTokens : request.MaxTokens,
    };

    public CompletionRequest ApplyTo(CompletionRequest request) => request with
    {
        Temperature = request.Temperature ?? Temperature,
        TopP = request.TopP ?? TopP,
        MaxTokens = request.MaxTokens ?? MaxTokens,
    };
}
