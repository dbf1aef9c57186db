using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Formats.Responses;

/// <summary>
/// Why a Responses request cannot be served, as the fields of OpenAI's error envelope: always an
/// <c>invalid_request_error</c> (400) whose <see cref="Param"/> is the path of the offending field.
/// </summary>
public sealed record ResponsesError(string Message, string? Param, string Code)
{
    public const string Type = "invalid_request_error";

    /// <summary>OpenAI's envelope for this error.</summary>
    public ErrorResponse ToErrorResponse() => new(new ErrorBody(Message, Type, Param, Code));

    internal static ResponsesError InvalidType(string path, string expected, JsonNode? actual) =>
        new($"Invalid type for '{path}': expected {expected}, but got {JsonFields.KindOf(actual)} instead.", path, "invalid_type");

    internal static ResponsesError InvalidValue(string path, string message) => new(message, path, "invalid_value");

    internal static ResponsesError Missing(string path) =>
        new($"Missing required parameter: '{path}'.", path, "missing_required_parameter");

    internal static ResponsesError Unknown(string path) => new($"Unknown parameter: '{path}'.", path, "unknown_parameter");

    internal static ResponsesError Unsupported(string path, string message) => new(message, path, "unsupported_parameter");
}
