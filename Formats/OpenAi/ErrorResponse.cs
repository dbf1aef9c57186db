using System.Text.Json.Serialization;

namespace LocalOpenAi.Formats.OpenAi;

/// <summary>OpenAI's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public sealed record ErrorResponse(ErrorBody Error);

/// <summary>The body of an OpenAI error.</summary>
public sealed record ErrorBody(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
