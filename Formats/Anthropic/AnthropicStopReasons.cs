namespace LocalOpenAi.Formats.Anthropic;

/// <summary>Anthropic's <c>stop_reason</c> and OpenAI's <c>finish_reason</c>, each way.</summary>
internal static class AnthropicStopReasons
{
    /// <summary>The stop reason for a finish reason; <c>stop_sequence</c> when the server knows which stop string matched.</summary>
    public static string FromFinishReason(string? finishReason, string? matchedStopSequence = null) => finishReason switch
    {
        "length" => "max_tokens",
        "tool_calls" or "function_call" => "tool_use",
        "content_filter" => "refusal",
        _ when matchedStopSequence is not null => "stop_sequence",
        _ => "end_turn",
    };

    public static string ToFinishReason(string? stopReason) => stopReason switch
    {
        "max_tokens" or "model_context_window_exceeded" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        _ => "stop",
    };
}
