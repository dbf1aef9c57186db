namespace LocalOpenAi.Server.Upstream;

/// <summary>The bounded <c>kind</c> label of <c>localopenai_upstream_errors_total</c>.</summary>
internal static class UpstreamErrorKind
{
    public static string For(UpstreamError error) => error switch
    {
        UpstreamError.None => "ok",
        UpstreamError.ConnectFailed => "connect",
        UpstreamError.Timeout => "timeout",
        UpstreamError.RateLimited => "rate_limited",
        UpstreamError.ServerError => "http_5xx",
        UpstreamError.BadResponse => "bad_response",
        UpstreamError.CircuitOpen => "circuit_open",
        UpstreamError.StreamCut => "stream_cut",
        UpstreamError.ClientCancelled => "client_cancelled",
        UpstreamError.NotConfigured => "not_configured",
        _ => "other",
    };
}
