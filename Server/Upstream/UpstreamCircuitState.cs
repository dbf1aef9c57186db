namespace LocalOpenAi.Server.Upstream;

/// <summary>The upstream circuit breaker's state, as <c>/router/status</c> and <c>/ready</c> show it.</summary>
internal enum UpstreamCircuitState
{
    /// <summary>Calls flow.</summary>
    Closed,

    /// <summary>Calls fail fast with <see cref="UpstreamError.CircuitOpen"/>.</summary>
    Open,

    /// <summary>The break has elapsed; the next call is a probe that closes or re-opens the circuit.</summary>
    HalfOpen,
}
