namespace LocalOpenAi.Server.Metrics;

/// <summary>The outcome of one response-cache lookup, the <c>result</c> label of <c>localopenai_cache_requests_total</c>.</summary>
internal enum CacheLookupResult
{
    /// <summary>A stored response was served.</summary>
    Hit,

    /// <summary>Nothing was stored; the response was generated (and possibly stored).</summary>
    Miss,

    /// <summary>The cache was not consulted (<c>Cache-Control: no-cache</c>, sampling that is not deterministic, streaming).</summary>
    Bypass,

    /// <summary>The cache store failed; the request went on without it.</summary>
    Error,
}
