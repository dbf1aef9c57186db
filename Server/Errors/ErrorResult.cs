using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;

namespace LocalOpenAi.Server.Errors;

/// <summary>Writes an OpenAI error envelope with its status (and Retry-After when given).</summary>
public sealed record ErrorResult(int StatusCode, ErrorResponse Body, int? RetryAfterSeconds) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (StatusCode == Backends.RefusedOutcome.ClientClosedRequest)
        {
            return;
        }

        httpContext.Response.StatusCode = StatusCode;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Body, OpenAiJson.Default.ErrorResponse, httpContext.RequestAborted);
    }
}
