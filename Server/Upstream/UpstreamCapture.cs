namespace LocalOpenAi.Server.Upstream;

/// <summary>What was relayed on success, for the response cache.</summary>
/// <param name="Body">The non-streaming JSON body exactly as relayed; null for a stream.</param>
/// <param name="Events">The SSE <c>data:</c> payloads in order, without <c>[DONE]</c>; null for a non-stream.</param>
internal sealed record UpstreamCapture(ReadOnlyMemory<byte>? Body, IReadOnlyList<string>? Events);
