namespace LocalOpenAi.Server.Upstream;

/// <summary>How a call upstream ended, as a value the caller maps to a status or a fallback.</summary>
internal enum UpstreamError
{
    /// <summary>The upstream answered and the answer was relayed (its status may still be a 4xx).</summary>
    None,

    /// <summary>No connection, or it broke before the response headers and first bytes.</summary>
    ConnectFailed,

    /// <summary>No first byte within <see cref="UpstreamOptions.ReadTimeout"/>.</summary>
    Timeout,

    /// <summary>429 after every retry (or a Retry-After longer than allowed).</summary>
    RateLimited,

    /// <summary>5xx after every retry.</summary>
    ServerError,

    /// <summary>An answer we will not relay: 401/403 (our key), a stream that is not SSE, an empty or oversized body.</summary>
    BadResponse,

    /// <summary>The circuit breaker is open: failed fast without calling.</summary>
    CircuitOpen,

    /// <summary>The upstream stream broke after bytes had reached our client; no retry is possible.</summary>
    StreamCut,

    /// <summary>Our client went away; not an upstream failure.</summary>
    ClientCancelled,

    /// <summary>No upstream URL is configured.</summary>
    NotConfigured,
}
