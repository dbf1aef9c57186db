namespace LocalOpenAi.Server.Upstream;

/// <summary>One configured upstream: its name (<c>Upstreams:NAME</c>, or <c>default</c> for the <c>Upstream</c> section) and its forwarder.</summary>
internal sealed record NamedUpstream(string Name, UpstreamForwarder Forwarder);
