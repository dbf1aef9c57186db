using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Backends;

/// <summary>One upstream in a chain: its name, its forwarder (breaker, model map) and the backend that asks it.</summary>
internal sealed record UpstreamLink(string Name, UpstreamForwarder Forwarder, ICompletionBackend Backend);
