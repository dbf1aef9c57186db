namespace LocalOpenAi.Server.Upstream;

/// <summary>One <c>data:</c> payload of an upstream stream, or how the stream ended (<see cref="End"/> not None).</summary>
internal readonly record struct UpstreamStreamItem(ReadOnlyMemory<byte> Payload, UpstreamStreamEnd End);
