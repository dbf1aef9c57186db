using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Errors;

/// <summary>Writes an error envelope with its status (and Retry-After when given): OpenAI's, or Anthropic's on the Messages API.</summary>
internal sealed record ErrorResult(int StatusCode, ErrorResponse Body, int? RetryAfterSeconds) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (StatusCode == OpenAiError.ClientClosedRequest)
        {
            return;
        }

        httpContext.Response.StatusCode = StatusCode;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json";
        if (AnthropicErrorShape.Applies(httpContext))
        {
            var envelope = AnthropicErrorShape.From(this).ToEnvelope(httpContext.Response.Headers["X-Request-Id"].ToString() is { Length: > 0 } id ? id : null);
            await httpContext.Response.WriteAsync(envelope.ToJsonString(), httpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Body, OpenAiJson.Default.ErrorResponse, httpContext.RequestAborted);
    }
}
