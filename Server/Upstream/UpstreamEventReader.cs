using System.Buffers;
using System.Runtime.CompilerServices;

namespace LocalOpenAi.Server.Upstream;

internal sealed partial class UpstreamForwarder
{
    /// <summary>
    /// The <c>data:</c> payloads of an upstream stream, as sent, up to <c>[DONE]</c> (Anthropic: <c>message_stop</c>). A stream that
    /// breaks, stalls past <see cref="UpstreamOptions.ReadTimeout"/> or closes before <c>[DONE]</c> ends
    /// with <see cref="UpstreamStreamEnd.Cut"/>; one our client left ends with <see cref="UpstreamStreamEnd.ClientGone"/>.
    /// </summary>
    internal async IAsyncEnumerable<UpstreamStreamItem> ReadEventsAsync(UpstreamResponse upstream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var owned = upstream;
        var lines = new SseLineSplitter();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long received = 0;
        try
        {
            var ready = upstream.FirstEvents;
            var closed = false;
            while (true)
            {
                received += ready.Length;
                foreach (var payload in lines.Payloads(ready.Span))
                {
                    if (payload.Span.SequenceEqual("[DONE]"u8))
                    {
                        yield return new UpstreamStreamItem(default, UpstreamStreamEnd.Done);
                        yield break;
                    }

                    yield return new UpstreamStreamItem(payload, UpstreamStreamEnd.None);
                    if (_options.Kind == UpstreamKind.Anthropic && IsMessageStop(payload.Span))
                    {
                        // Anthropic ends a whole stream with message_stop rather than [DONE].
                        yield return new UpstreamStreamItem(default, UpstreamStreamEnd.Done);
                        yield break;
                    }
                }

                var read = closed ? -1 : await ReadAsync(upstream.Stream!, buffer, cancellationToken);
                if (read == 0)
                {
                    // Closed: whatever tail is left may still hold the last event and [DONE].
                    closed = true;
                    ready = upstream.Framer!.Rest.ToArray().Concat("\n\n"u8.ToArray()).ToArray();
                    continue;
                }

                if (read < 0)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        yield return new UpstreamStreamItem(default, UpstreamStreamEnd.ClientGone);
                        yield break;
                    }

                    // A break, a stall, or a clean close before [DONE]: the answer is incomplete.
                    _metrics.RecordUpstreamError(UpstreamErrorKind.For(UpstreamError.StreamCut));
                    Log.StreamCut(_logger, received);
                    yield return new UpstreamStreamItem(default, UpstreamStreamEnd.Cut);
                    yield break;
                }

                ready = upstream.Framer!.Push(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsMessageStop(ReadOnlySpan<byte> payload) =>
        payload.IndexOf("\"message_stop\""u8) >= 0 && System.Text.Json.Nodes.JsonNode.Parse(payload) is System.Text.Json.Nodes.JsonObject data
        && data["type"] is System.Text.Json.Nodes.JsonValue type && type.TryGetValue<string>(out var name) && name == "message_stop";

    /// <summary>One read with the idle timeout; 0 at the end, -1 when the upstream broke, timed out or we were cancelled.</summary>
    private async Task<int> ReadAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_options.ReadTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await stream.ReadAsync(buffer, linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            return -1;
        }
    }
}
