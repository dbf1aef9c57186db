using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// The scalar fields of a Responses request: sampling and streaming fields copied to the chat
/// request, and the fields only echoed in the response (<c>metadata</c>, <c>store</c>,
/// <c>previous_response_id</c>) checked for their types.
/// </summary>
internal static class ResponsesSamplingFields
{
    private const int MaxMetadataKeys = 16;

    public static ResponsesError? Apply(JsonObject body, JsonObject chat)
    {
        var fields = new FieldReader(body, string.Empty);
        var temperature = fields.Number("temperature");
        var topP = fields.Number("top_p");
        var maxOutputTokens = fields.Integer("max_output_tokens");
        var parallelToolCalls = fields.Bool("parallel_tool_calls");
        var user = fields.String("user");
        var stream = fields.Bool("stream");
        if (fields.Error is not null)
        {
            return fields.Error;
        }

        JsonFields.SetIfPresent(chat, "parallel_tool_calls", parallelToolCalls);
        JsonFields.SetIfPresent(chat, "temperature", temperature);
        JsonFields.SetIfPresent(chat, "top_p", topP);
        JsonFields.SetIfPresent(chat, "max_tokens", maxOutputTokens);
        JsonFields.SetIfPresent(chat, "user", user);
        if (stream == true)
        {
            chat["stream"] = true;
            chat["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return null;
    }

    public static ResponsesError? CheckEchoed(JsonObject body)
    {
        var fields = new FieldReader(body, string.Empty);
        fields.Bool("store");
        fields.String("previous_response_id");
        var metadata = fields.Object("metadata");
        if (fields.Error is not null || metadata is null)
        {
            return fields.Error;
        }

        if (metadata.Count > MaxMetadataKeys)
        {
            return ResponsesError.InvalidValue("metadata", $"'metadata' may hold at most {MaxMetadataKeys} keys; it has {metadata.Count}.");
        }

        foreach (var (key, value) in metadata)
        {
            if (value?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                return ResponsesError.InvalidType(JsonFields.Path("metadata", key), "a string", value);
            }
        }

        return null;
    }
}
