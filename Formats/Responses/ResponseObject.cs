using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// A Response object as OpenAI returns it, with the fields in OpenAI's order. <c>output_text</c>
/// is not on the wire: the SDKs compute it from <c>output</c>.
/// </summary>
internal static class ResponseObject
{
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Incomplete = "incomplete";
    public const string Failed = "failed";

    /// <param name="incompleteReason">With <see cref="Incomplete"/>: <c>max_output_tokens</c> or <c>content_filter</c>.</param>
    /// <param name="error">With <see cref="Failed"/>: <c>{code, message}</c>.</param>
    public static JsonObject Create(
        ResponseContext context, string? model, string status, JsonArray output, JsonObject? usage, string? incompleteReason = null, JsonObject? error = null)
    {
        var response = new JsonObject
        {
            ["id"] = context.Id,
            ["object"] = "response",
            ["created_at"] = context.CreatedAt,
            ["status"] = status,
            ["background"] = false,
            ["error"] = error,
            ["incomplete_details"] = incompleteReason is null ? null : new JsonObject { ["reason"] = incompleteReason },
            ["instructions"] = context.Instructions,
            ["max_output_tokens"] = context.MaxOutputTokens,
            ["model"] = context.Model ?? model,
            ["output"] = output,
            ["parallel_tool_calls"] = context.ParallelToolCalls,
            ["previous_response_id"] = context.PreviousResponseId,
            ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
            ["store"] = context.Store,
            ["temperature"] = context.Temperature?.DeepClone(),
            ["text"] = context.Text?.DeepClone() ?? new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
            ["tool_choice"] = context.ToolChoice?.DeepClone() ?? "auto",
            ["tools"] = context.Tools?.DeepClone() ?? new JsonArray(),
            ["top_p"] = context.TopP?.DeepClone(),
            ["truncation"] = "disabled",
            ["usage"] = usage,
        };
        if (context.User is not null)
        {
            response["user"] = context.User;
        }

        response["metadata"] = context.Metadata?.DeepClone() ?? new JsonObject();
        return response;
    }

    /// <summary>The status and incomplete reason for a chat <c>finish_reason</c>.</summary>
    public static (string Status, string? IncompleteReason) FromFinishReason(string? finishReason) => finishReason switch
    {
        "length" => (Incomplete, "max_output_tokens"),
        "content_filter" => (Incomplete, "content_filter"),
        _ => (Completed, null),
    };

    public static JsonObject MessageItem(string id, string status, JsonObject part) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["status"] = status,
        ["role"] = "assistant",
        ["content"] = new JsonArray(part),
    };

    /// <summary>A message's content part: <c>output_text</c>, or <c>refusal</c> when the model declined.</summary>
    public static JsonObject Part(bool refusal, string text) => refusal
        ? new JsonObject { ["type"] = "refusal", ["refusal"] = text }
        : new JsonObject { ["type"] = "output_text", ["annotations"] = new JsonArray(), ["text"] = text };

    public static JsonObject FunctionCallItem(string id, string status, string callId, string name, string arguments) => new()
    {
        ["id"] = id,
        ["type"] = "function_call",
        ["status"] = status,
        ["arguments"] = arguments,
        ["call_id"] = callId,
        ["name"] = name,
    };
}
