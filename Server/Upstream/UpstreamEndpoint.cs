namespace LocalOpenAi.Server.Upstream;

/// <summary>The upstream operations the forwarder calls.</summary>
internal enum UpstreamEndpoint
{
    /// <summary><c>POST {base}/chat/completions</c>.</summary>
    ChatCompletions,

    /// <summary><c>POST {base}/completions</c>.</summary>
    Completions,

    /// <summary><c>POST {base}/messages</c> (an Anthropic upstream).</summary>
    Messages,
}
