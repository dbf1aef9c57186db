namespace LocalOpenAi.Server.Upstream;

/// <summary>How an upstream stream ended.</summary>
internal enum UpstreamStreamEnd
{
    /// <summary>Not ended: the item carries a payload.</summary>
    None,

    /// <summary><c>data: [DONE]</c>: the whole answer arrived.</summary>
    Done,

    /// <summary>It broke, stalled or closed before <c>[DONE]</c>.</summary>
    Cut,

    /// <summary>Our client left; not an upstream failure.</summary>
    ClientGone,
}
