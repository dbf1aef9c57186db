using System.Buffers;

namespace LocalOpenAi.Server.Upstream;

internal sealed partial class UpstreamForwarder
{
    /// <summary>Writes a buffered body at once, or copies a stream as it arrives, whole events at a time, flushing after each read.</summary>
    internal async Task<UpstreamResult> RelayAsync(UpstreamResponse upstream, HttpResponse response, CancellationToken cancellationToken)
    {
        var message = upstream.Message!;
        var status = (int)message.StatusCode;
        response.StatusCode = status;
        if (message.Content.Headers.ContentType is { } contentType)
        {
            response.ContentType = contentType.ToString();
        }

        if (message.Headers.TryGetValues("x-request-id", out var upstreamIds))
        {
            response.Headers["X-Upstream-Request-Id"] = upstreamIds.FirstOrDefault();
        }

        if (upstream.Body is { } body)
        {
            response.ContentLength = body.Length;
            if (!await TryWriteAsync(response, body, cancellationToken))
            {
                return new UpstreamResult(UpstreamError.ClientCancelled, status, ResponseStarted: true, upstream.Attempts);
            }

            var capture = upstream.Capture && message.IsSuccessStatusCode && body.Length <= _options.MaxResponseBytes ? new UpstreamCapture(body, null) : null;
            return new UpstreamResult(UpstreamError.None, status, ResponseStarted: true, upstream.Attempts, Capture: capture);
        }

        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        return await RelayStreamAsync(upstream, response, status, cancellationToken);
    }

    private async Task<UpstreamResult> RelayStreamAsync(UpstreamResponse upstream, HttpResponse response, int status, CancellationToken cancellationToken)
    {
        var scanner = new SseDataScanner(upstream.Capture ? _options.MaxResponseBytes : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long relayed = 0;
        try
        {
            var ready = upstream.FirstEvents;
            while (true)
            {
                scanner.Append(ready.Span);
                if (!ready.IsEmpty && !await TryWriteAsync(response, ready, cancellationToken))
                {
                    return new UpstreamResult(UpstreamError.ClientCancelled, status, ResponseStarted: true, upstream.Attempts);
                }

                relayed += ready.Length;
                var read = await ReadAsync(upstream.Stream!, buffer, cancellationToken);
                if (read == 0)
                {
                    // A clean end: pass on whatever tail is left, unchanged.
                    var rest = upstream.Framer!.Rest;
                    scanner.Append(rest.Span);
                    if (!rest.IsEmpty && !await TryWriteAsync(response, rest, cancellationToken))
                    {
                        return new UpstreamResult(UpstreamError.ClientCancelled, status, ResponseStarted: true, upstream.Attempts);
                    }

                    break;
                }

                if (read < 0)
                {
                    return cancellationToken.IsCancellationRequested
                        ? new UpstreamResult(UpstreamError.ClientCancelled, status, ResponseStarted: true, upstream.Attempts)
                        : StreamCut(upstream, status, relayed);
                }

                ready = upstream.Framer!.Push(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // An OpenAI stream ends with [DONE]; a clean close before it is a cut all the same.
        return scanner.SawDone
            ? new UpstreamResult(UpstreamError.None, status, ResponseStarted: true, upstream.Attempts, Capture: scanner.Events is { } events ? new UpstreamCapture(null, events) : null)
            : StreamCut(upstream, status, relayed);
    }

    /// <summary>One read with the idle timeout; -1 when the upstream broke, timed out or we were cancelled.</summary>
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

    private static async Task<bool> TryWriteAsync(HttpResponse response, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await response.Body.WriteAsync(bytes, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private UpstreamResult StreamCut(UpstreamResponse upstream, int status, long relayed)
    {
        _metrics.RecordUpstreamError(UpstreamErrorKind.For(UpstreamError.StreamCut));
        Log.StreamCut(_logger, relayed);
        return new UpstreamResult(UpstreamError.StreamCut, status, ResponseStarted: true, upstream.Attempts);
    }
}
