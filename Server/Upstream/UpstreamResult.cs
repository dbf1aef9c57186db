namespace LocalOpenAi.Server.Upstream;

/// <summary>Why a call upstream produced nothing to answer with; nothing has reached our client.</summary>
/// <param name="Error">What went wrong.</param>
/// <param name="StatusCode">The upstream's last HTTP status, or null when none was received.</param>
/// <param name="Attempts">Calls made upstream (0 when failing fast).</param>
/// <param name="RetryAfter">The upstream's last Retry-After, for passing a 429 on.</param>
internal sealed record UpstreamResult(UpstreamError Error, int? StatusCode, int Attempts, TimeSpan? RetryAfter = null)
{
    /// <summary>The status our client should get (SPEC: 503 no backend, 504 timeout, 502 a bad answer).</summary>
    public int ClientStatus => Error switch
    {
        UpstreamError.Timeout => StatusCodes.Status504GatewayTimeout,
        UpstreamError.RateLimited => StatusCodes.Status429TooManyRequests,
        UpstreamError.CircuitOpen or UpstreamError.NotConfigured => StatusCodes.Status503ServiceUnavailable,
        UpstreamError.ClientCancelled => 499,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>A short ASCII reason for <c>X-Route-Reason</c>, e.g. <c>upstream_timeout</c>.</summary>
    public string Reason => "upstream_" + UpstreamErrorKind.For(Error);

    internal static UpstreamResult Failed(UpstreamError error, int attempts = 0, int? status = null, TimeSpan? retryAfter = null) =>
        new(error, status, attempts, retryAfter);
}
