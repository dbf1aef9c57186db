using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>What one Anthropic stream event turns into: chat chunks to send, or the error the upstream reported.</summary>
public sealed record ChatStreamStep(IReadOnlyList<JsonObject> Chunks, AnthropicError? Error = null)
{
    public static ChatStreamStep Nothing { get; } = new([]);
}
