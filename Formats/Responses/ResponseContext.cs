using System.Text.Json.Nodes;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// What a Response object echoes besides its output: its id and creation time, chosen by the
/// server, and the request's settings (OpenAI's defaults where the request left them out).
/// </summary>
public sealed record ResponseContext
{
    public required string Id { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreatedAt { get; init; }

    /// <summary>The model that answers; null takes the chat completion's <c>model</c>.</summary>
    public string? Model { get; init; }

    public string? Instructions { get; init; }

    public JsonObject? Metadata { get; init; }

    public JsonNode? Temperature { get; init; }

    public JsonNode? TopP { get; init; }

    public int? MaxOutputTokens { get; init; }

    public string? PreviousResponseId { get; init; }

    public bool Store { get; init; } = true;

    /// <summary>The request's <c>tools</c>, in the Responses form.</summary>
    public JsonArray? Tools { get; init; }

    public JsonNode? ToolChoice { get; init; }

    /// <summary>The request's <c>text</c> configuration.</summary>
    public JsonObject? Text { get; init; }

    public bool ParallelToolCalls { get; init; } = true;

    public string? User { get; init; }

    /// <summary>The context of a request that <see cref="ResponsesRequestTranslator.ToChat"/> accepted.</summary>
    public static ResponseContext FromRequest(string id, long createdAt, JsonObject responsesBody) => new()
    {
        Id = id,
        CreatedAt = createdAt,
        Model = Read<string>(responsesBody, "model"),
        Instructions = Read<string>(responsesBody, "instructions"),
        Metadata = responsesBody["metadata"] as JsonObject is { } metadata ? (JsonObject)metadata.DeepClone() : null,
        Temperature = Copy(responsesBody, "temperature"),
        TopP = Copy(responsesBody, "top_p"),
        MaxOutputTokens = Read<int?>(responsesBody, "max_output_tokens"),
        PreviousResponseId = Read<string>(responsesBody, "previous_response_id"),
        Store = Read<bool?>(responsesBody, "store") ?? true,
        Tools = responsesBody["tools"] is JsonArray tools ? (JsonArray)tools.DeepClone() : null,
        ToolChoice = Copy(responsesBody, "tool_choice"),
        Text = responsesBody["text"] is JsonObject text ? (JsonObject)text.DeepClone() : null,
        ParallelToolCalls = Read<bool?>(responsesBody, "parallel_tool_calls") ?? true,
        User = Read<string>(responsesBody, "user"),
    };

    private static JsonNode? Copy(JsonObject body, string key) => JsonFields.IsNull(body[key]) ? null : body[key]!.DeepClone();

    private static T? Read<T>(JsonObject body, string key) => JsonFields.IsNull(body[key]) ? default : body[key]!.GetValue<T>();
}
