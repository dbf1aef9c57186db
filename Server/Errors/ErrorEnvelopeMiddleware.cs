namespace LocalOpenAi.Server.Errors;

/// <summary>
/// Turns anything that escapes an endpoint into an OpenAI envelope: oversized bodies (413),
/// malformed HTTP (400), and bugs (500, logged with the exception, answered without it).
/// A client that went away is not an error.
/// </summary>
internal sealed partial class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var message = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request could not be read.";
            await OpenAiError.Create(exception.StatusCode, message, OpenAiError.TypeFor(exception.StatusCode), null, null).ExecuteAsync(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            Log.Unhandled(logger, exception, context.Request.Path);
            await OpenAiError.Internal().ExecuteAsync(context);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unhandled error on {Path}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string path);
    }
}
