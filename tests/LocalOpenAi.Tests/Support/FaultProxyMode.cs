namespace LocalOpenAi.Tests.Support;

/// <summary>What <see cref="FaultProxy"/> does with one request.</summary>
public enum FaultProxyMode
{
    /// <summary>Forward to the real upstream and relay its answer as it arrives.</summary>
    PassThrough,

    /// <summary>Answer 500 with an OpenAI error body.</summary>
    ServerError,

    /// <summary>Answer 429 with <c>Retry-After: 1</c>.</summary>
    RateLimited,

    /// <summary>Never answer; hold the request until the client gives up.</summary>
    Hang,

    /// <summary>Abort the connection without answering.</summary>
    Reset,

    /// <summary>Relay the upstream's answer but abort the connection after <see cref="FaultProxy.CutAfterBytes"/> bytes.</summary>
    CutStream,

    /// <summary>Answer 200 with an HTML page (a captive portal or a misconfigured gateway).</summary>
    HtmlPage,

    /// <summary>Answer 302 to another location.</summary>
    Redirect,

    /// <summary>Answer 200 with an SSE stream whatever was asked for.</summary>
    AlwaysStream,

    /// <summary>Answer 400 with an error whose message echoes the request's Authorization header.</summary>
    EchoingClientError,
}
