using System.Globalization;
using LocalOpenAi.Server.Dashboard;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// Records <c>localopenai_requests_total</c> and <c>localopenai_request_duration_seconds</c> for every
/// request once its response is complete (a stream's duration covers the whole stream).
/// </summary>
/// <remarks>
/// Labels stay bounded: <c>endpoint</c> is the matched route pattern (<c>unmatched</c> otherwise), never
/// the raw path; <c>route</c> and <c>model</c> come from the <c>X-Route</c> and <c>X-Model</c> response
/// headers, <c>none</c> when absent. A request the client abandoned is counted with status 499
/// (nginx's "client closed request"), not as the 200 its response may still carry. The same place
/// writes the one structured log line per request (method, route pattern, status, ms, route, cache, model,
/// tokens; never keys or bodies).
/// </remarks>
internal sealed partial class RequestMetricsMiddleware(RequestDelegate next, LocalOpenAiMetrics metrics, RecentRequests recent, TimeProvider timeProvider, ILogger<RequestMetricsMiddleware> logger)
{
    public const string None = "none";
    public const string Unmatched = "unmatched";
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var failed = false;
        RequestTokens.Track(context);
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
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            var status = StatusOf(context, failed);
            var elapsed = timeProvider.GetElapsedTime(started);
            var route = HeaderOrNone(response, "X-Route");
            var model = HeaderOrNone(response, "X-Model");
            metrics.RecordRequest(route, model, endpoint, status, elapsed);
            var tokens = RequestTokens.Reported(context);
            var cache = HeaderOrNone(response, "X-Cache");
            Log.Completed(logger, context.Request.Method, endpoint, status, elapsed.TotalMilliseconds, route, cache, model, tokens?.ToString(CultureInfo.InvariantCulture) ?? "-", RequestIdOf(response));
            if (route != None)
            {
                recent.Add(new RecentRequest(timeProvider.GetUtcNow(), endpoint, status, route, HeaderOrNone(response, "X-Route-Reason"), cache, model, tokens, elapsed.TotalMilliseconds));
            }
        }
    }

    private static int StatusOf(HttpContext context, bool failed) =>
        context.RequestAborted.IsCancellationRequested ? ClientClosedRequest
        : failed ? StatusCodes.Status500InternalServerError
        : context.Response.StatusCode;

    private static string RequestIdOf(HttpResponse response) => response.Headers["X-Request-Id"].ToString();

    private static string HeaderOrNone(HttpResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : None;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Method} {Endpoint} {Status} {DurationMs:F1} ms route={Route} cache={Cache} model={Model} tokens={Tokens} request={RequestId}")]
        public static partial void Completed(ILogger logger, string method, string endpoint, int status, double durationMs, string route, string cache, string model, string tokens, string requestId);
    }
}
