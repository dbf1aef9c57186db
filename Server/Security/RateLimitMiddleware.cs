using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Security;

/// <summary>
/// Applies <see cref="ClientRateLimiter"/> per caller (the key's tenant, else client IP): 429
/// <c>rate_limit_exceeded</c> with <c>Retry-After</c> when a limit is used up, <c>x-ratelimit-*</c>
/// headers on every limited response, and the reported tokens charged after the response.
/// </summary>
/// <remarks>Runs after <see cref="ApiKeyAuthenticationMiddleware"/>; probes and <c>/metrics</c> are never limited.</remarks>
internal sealed class RateLimitMiddleware(RequestDelegate next, ClientRateLimiter limiter, LocalOpenAiMetrics metrics, ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!limiter.Enabled || SecurityPaths.IsOperational(context.Request.Path))
        {
            await next(context);
            return;
        }

        var partition = Partition(context);
        var decision = await limiter.AcquireAsync(partition, context.RequestAborted);
        RateLimitHeaders.Write(context.Response.Headers, decision);
        if (!decision.Allowed)
        {
            metrics.RecordRateLimited();
            Log.RateLimited(logger, partition, decision.RejectedBy!, decision.RetryAfterSeconds);
            var message = $"Rate limit reached for {decision.RejectedBy}. Please try again in {decision.RetryAfterSeconds}s.";
            var body = OpenAiError.Envelope(message, OpenAiError.TypeFor(StatusCodes.Status429TooManyRequests), null, "rate_limit_exceeded");
            await new ErrorResult(StatusCodes.Status429TooManyRequests, body, decision.RetryAfterSeconds).ExecuteAsync(context);
            return;
        }

        RateLimitUsage.Track(context);
        try
        {
            await next(context);
        }
        finally
        {
            // Charged even when the client went away mid-stream: the tokens were generated.
            await limiter.ChargeTokensAsync(partition, RateLimitUsage.Reported(context), CancellationToken.None);
        }
    }

    private static string Partition(HttpContext context)
    {
        var identity = ClientIdentity.Get(context);
        return identity.IsAuthenticated
            ? "tenant:" + identity.Tenant
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
