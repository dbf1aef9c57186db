namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// Records <c>localopenai_requests_total</c> and <c>localopenai_request_duration_seconds</c> for every
/// request once its response is complete (a stream's duration covers the whole stream).
/// </summary>
/// <remarks>
/// Labels stay bounded: <c>endpoint</c> is the matched route pattern (<c>unmatched</c> otherwise), never
/// the raw path; <c>route</c> and <c>model</c> come from the <c>X-Route</c> and <c>X-Model</c> response
/// headers, <c>none</c> when absent. A request the client abandoned is counted with status 499
/// (nginx's "client closed request"), not as the 200 its response may still carry.
/// </remarks>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, LocalOpenAiMetrics metrics, TimeProvider timeProvider)
{
    public const string None = "none";
    public const string Unmatched = "unmatched";
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            failed = true;
            throw;
        }
        finally
        {
            var response = context.Response;
            metrics.RecordRequest(
                HeaderOrNone(response, "X-Route"),
                HeaderOrNone(response, "X-Model"),
                (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched,
                StatusOf(context, failed),
                timeProvider.GetElapsedTime(started));
        }
    }

    private static int StatusOf(HttpContext context, bool failed) =>
        context.RequestAborted.IsCancellationRequested ? ClientClosedRequest
        : failed ? StatusCodes.Status500InternalServerError
        : context.Response.StatusCode;

    private static string HeaderOrNone(HttpResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : None;
}
