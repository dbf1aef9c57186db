using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Which top-level fields of a Responses request this server serves. A field it does not serve is
/// an error naming the field, never dropped: OpenAI answers unknown fields the same way.
/// </summary>
internal static class ResponsesFieldPolicy
{
    private static readonly HashSet<string> Served =
    [
        "model", "input", "instructions", "tools", "tool_choice", "text", "temperature", "top_p",
        "max_output_tokens", "metadata", "store", "previous_response_id", "parallel_tool_calls", "user", "stream",
    ];

    // Hints about the cloud service's billing, caching and abuse tracking: nothing to change in a local answer.
    private static readonly HashSet<string> NoEffect =
    [
        "stream_options", "service_tier", "prompt_cache_key", "prompt_cache_retention", "prompt_cache_options", "safety_identifier",
    ];

    public static ResponsesError? Check(JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            var error = Served.Contains(key) || NoEffect.Contains(key) ? null : Rejection(key, value);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static ResponsesError? Rejection(string key, JsonNode? value)
    {
        if (JsonFields.IsNull(value))
        {
            return null;
        }

        var kind = value!.GetValueKind();
        return key switch
        {
            "background" when kind is JsonValueKind.False => null,
            "background" when kind is JsonValueKind.True =>
                ResponsesError.Unsupported(key, "Background responses are not supported by this server; omit 'background' or set it to false."),
            "background" => ResponsesError.InvalidType(key, "a boolean", value),
            "reasoning" => Reasoning(value),
            "include" when value is JsonArray { Count: 0 } => null,
            "include" when value is JsonArray =>
                ResponsesError.Unsupported(key, $"'include' values are not supported by this server (got {value.ToJsonString()}); send an empty list."),
            "include" => ResponsesError.InvalidType(key, "an array", value),
            "truncation" when value.ToJsonString() == "\"disabled\"" => null,
            "truncation" => ResponsesError.Unsupported(key, "Only 'truncation': 'disabled' is supported by this server."),
            "top_logprobs" when value.ToJsonString() == "0" => null,
            "context_management" when value is JsonArray { Count: 0 } => null,
            "conversation" or "prompt" or "top_logprobs" or "context_management" or "moderation" or "max_tool_calls" =>
                ResponsesError.Unsupported(key, $"'{key}' is not supported by this server."),
            _ => ResponsesError.Unknown(key),
        };
    }

    private static ResponsesError? Reasoning(JsonNode value)
    {
        if (value is not JsonObject reasoning)
        {
            return ResponsesError.InvalidType("reasoning", "an object", value);
        }

        foreach (var (key, setting) in reasoning)
        {
            if (!JsonFields.IsNull(setting))
            {
                return ResponsesError.Unsupported(
                    JsonFields.Path("reasoning", key),
                    $"'reasoning.{key}' is not supported by this server: its models do not reason before answering.");
            }
        }

        return null;
    }
}
