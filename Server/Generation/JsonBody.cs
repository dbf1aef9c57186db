using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>Reads a JSON request body; malformed JSON and wrong types become a 400 naming the field.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var (value, _, error) = await ReadWithRawAsync(request, typeInfo);
        return (value, error);
    }

    /// <summary>Also returns the body as a JSON object, for forwarding upstream and for cache keys.</summary>
    public static async Task<(T? Value, JsonObject? Raw, IResult? Error)> ReadWithRawAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
            return value is null || JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not JsonObject raw
                ? (null, null, OpenAiError.BadRequest("The request body must be a JSON object."))
                : (value, raw, null);
        }
        catch (JsonException exception)
        {
            var param = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var message = param is null
                ? "We could not parse the JSON body of your request. The body must be valid JSON."
                : $"Invalid type or value for '{param}'" + (IsOurs(exception) ? $": {FirstSentence(exception.Message)}" : ".");
            return (null, null, OpenAiError.BadRequest(message, param));
        }
    }

    private static readonly JsonDocumentOptions NoDuplicates = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>Reads a body that is handled as JSON nodes (a front-end translates it): it must be a JSON object.</summary>
    public static async Task<(JsonObject? Body, ErrorResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        try
        {
            // Duplicate keys are refused while parsing: a JsonObject holding them throws when first read.
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: NoDuplicates) is JsonObject body
                ? (body, null)
                : (null, OpenAiError.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            var param = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            return (null, OpenAiError.BadRequest("We could not parse the JSON body of your request. The body must be valid JSON, nested at most 64 levels deep, without duplicate keys.", param));
        }
    }

    /// <summary>Reads a translated body as a typed request; a wrong type is a 400 naming the field.</summary>
    public static (T? Value, ErrorResult? Error) Parse<T>(JsonObject body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return body.Deserialize(typeInfo) is { } value ? (value, null) : (null, OpenAiError.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            var param = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            return (null, OpenAiError.BadRequest($"Invalid type or value for '{param}'.", param));
        }
    }

    /// <summary>Our converters explain the expected shape; the serializer's own messages name .NET types.</summary>
    private static bool IsOurs(JsonException exception) =>
        !exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
        && !exception.Message.Contains("System.", StringComparison.Ordinal)
        && !exception.Message.Contains("LocalOpenAi.", StringComparison.Ordinal);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
