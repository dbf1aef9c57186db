namespace LocalOpenAi.Server.Upstream;

/// <summary>The API an upstream speaks (<c>Upstream:Kind</c>).</summary>
internal enum UpstreamKind
{
    /// <summary>OpenAI's API or any compatible one: requests and answers are relayed as they are.</summary>
    OpenAi,

    /// <summary>Anthropic's Messages API (Claude): chat requests and answers are translated both ways.</summary>
    Anthropic,
}
