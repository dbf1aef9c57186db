namespace LocalOpenAi.Server.Generation;

/// <summary>A JSON response whose bytes are known before writing, so they can be cached as sent.</summary>
public sealed class JsonPayloadResult(byte[] payload, ResponseCapture? capture = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = payload.Length;
        await httpContext.Response.Body.WriteAsync(payload, httpContext.RequestAborted);
        if (capture is not null)
        {
            await capture.CompleteJsonAsync(payload);
        }
    }
}
