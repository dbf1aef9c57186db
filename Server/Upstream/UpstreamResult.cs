namespace LocalOpenAi.Server.Upstream;

/// <summary>How one forwarded request ended.</summary>
/// <param name="Error">The outcome; <see cref="UpstreamError.None"/> when the upstream's answer was relayed.</param>
/// <param name="StatusCode">The upstream's last HTTP status, or null when none was received.</param>
/// <param name="ResponseStarted">
/// Whether bytes reached our client. False: nothing was written and the caller may fall back or send
/// an error. True with an error (<see cref="UpstreamError.StreamCut"/>): the caller must end the SSE
/// stream with <see cref="UpstreamStreamError.WriteAsync"/>.
/// </param>
/// <param name="Attempts">Calls made upstream (0 when failing fast).</param>
/// <param name="RetryAfter">The upstream's last Retry-After, for passing a 429 on.</param>
/// <param name="Capture">The relayed payloads when the request asked for them and all fit.</param>
internal sealed record UpstreamResult(
    UpstreamError Error,
    int? StatusCode,
    bool ResponseStarted,
    int Attempts,
    TimeSpan? RetryAfter = null,
    UpstreamCapture? Capture = null)
{
    /// <summary>The upstream answered 2xx and it was relayed whole.</summary>
    public bool Succeeded => Error == UpstreamError.None && StatusCode is >= 200 and < 300;

    /// <summary>Failed before writing anything: a local fallback (or an error envelope) is still possible.</summary>
    public bool CanFallBack => Error is not (UpstreamError.None or UpstreamError.ClientCancelled) && !ResponseStarted;

    /// <summary>The status our client should get for a failure that wrote nothing (SPEC: 503 no backend, 504 timeout).</summary>
    public int ClientStatus => Error switch
    {
        UpstreamError.None => StatusCode ?? StatusCodes.Status200OK,
        UpstreamError.Timeout => StatusCodes.Status504GatewayTimeout,
        UpstreamError.RateLimited => StatusCodes.Status429TooManyRequests,
        UpstreamError.CircuitOpen or UpstreamError.NotConfigured => StatusCodes.Status503ServiceUnavailable,
        UpstreamError.ClientCancelled => 499,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>A short ASCII reason for <c>X-Route-Reason</c>, e.g. <c>upstream_timeout</c>.</summary>
    public string Reason => "upstream_" + UpstreamErrorKind.For(Error);

    internal static UpstreamResult Failed(UpstreamError error, int attempts = 0, int? status = null, TimeSpan? retryAfter = null) =>
        new(error, status, ResponseStarted: false, attempts, retryAfter);
}
