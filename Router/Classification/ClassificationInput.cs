using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Router.Classification;

/// <summary>What the classifier looks at: the conversation and the request fields that hint at its difficulty.</summary>
/// <param name="Messages">The chat, in order; a legacy prompt is one user message.</param>
/// <param name="ToolCount">Tools offered to the model.</param>
/// <param name="MaxTokens">The requested output limit, if any.</param>
/// <param name="StructuredOutput">What <c>response_format</c> demands.</param>
/// <param name="Agent">The calling agent (<c>X-Agent-Name</c> or the <c>user</c> field), for per-agent bias.</param>
public sealed record ClassificationInput(
    IReadOnlyList<ChatMessage> Messages,
    int ToolCount = 0,
    int? MaxTokens = null,
    StructuredOutput StructuredOutput = StructuredOutput.None,
    string? Agent = null)
{
    /// <summary>Builds the input from a chat request; <paramref name="agent"/> falls back to the <c>user</c> field.</summary>
    public static ClassificationInput FromChat(ChatCompletionRequest request, string? agent = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClassificationInput(
            request.Messages ?? [],
            request.Tools?.Count ?? 0,
            request.EffectiveMaxTokens,
            ReadStructuredOutput(request.ResponseFormat),
            string.IsNullOrWhiteSpace(agent) ? request.User : agent);
    }

    /// <summary>Builds the input from a single prompt (legacy completions, <c>/router/classify</c> with <c>prompt</c>).</summary>
    public static ClassificationInput FromPrompt(string prompt, int? maxTokens = null, string? agent = null) =>
        new([new ChatMessage { Role = "user", Content = prompt }], 0, maxTokens, StructuredOutput.None, agent);

    /// <summary>Reads the <c>type</c> of a <c>response_format</c> object.</summary>
    public static StructuredOutput ReadStructuredOutput(JsonElement? responseFormat)
    {
        if (responseFormat is not { ValueKind: JsonValueKind.Object } format
            || !format.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return StructuredOutput.None;
        }

        return type.GetString() switch
        {
            "json_schema" => StructuredOutput.JsonSchema,
            "json_object" => StructuredOutput.JsonObject,
            _ => StructuredOutput.None,
        };
    }
}
