using LocalOpenAi.Formats.Anthropic;

namespace LocalOpenAi.Server.Errors;

/// <summary>Errors of the Anthropic Messages API (<c>/v1/messages…</c>) in Anthropic's envelope; every other path keeps OpenAI's.</summary>
internal static class AnthropicErrorShape
{
    public const string PathPrefix = "/v1/messages";

    public static bool Applies(HttpContext http) => http.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static AnthropicError From(ErrorResult error) =>
        new(AnthropicErrorTypes.FromOpenAi(error.Body.Error.Type, error.StatusCode), error.Body.Error.Message);
}
