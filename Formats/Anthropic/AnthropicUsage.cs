using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Anthropic;

/// <summary>
/// Usage both ways. Anthropic counts cached prompt tokens apart (<c>input_tokens</c> excludes
/// <c>cache_read_input_tokens</c>); OpenAI counts them inside <c>prompt_tokens</c> and again in
/// <c>prompt_tokens_details.cached_tokens</c>.
/// </summary>
internal static class AnthropicUsage
{
    public static JsonObject FromChat(JsonObject? usage)
    {
        var prompt = ChatJson.Int(usage?["prompt_tokens"]);
        var cached = ChatJson.Int((usage?["prompt_tokens_details"] as JsonObject)?["cached_tokens"]);
        return new JsonObject
        {
            ["input_tokens"] = Math.Max(0, prompt - cached),
            ["cache_creation_input_tokens"] = 0,
            ["cache_read_input_tokens"] = cached,
            ["output_tokens"] = ChatJson.Int(usage?["completion_tokens"]),
        };
    }

    public static JsonObject ToChat(int inputTokens, int cacheCreationTokens, int cacheReadTokens, int outputTokens)
    {
        var prompt = inputTokens + cacheCreationTokens + cacheReadTokens;
        return new JsonObject
        {
            ["prompt_tokens"] = prompt,
            ["completion_tokens"] = outputTokens,
            ["total_tokens"] = prompt + outputTokens,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cacheReadTokens },
        };
    }
}
