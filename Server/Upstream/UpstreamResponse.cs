namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// The upstream's answer after retries, before anything is written to our client: either a failure
/// (<see cref="Failure"/>), a buffered body, or an open stream whose first events are read.
/// </summary>
/// <remarks>
/// Non-streaming bodies are already buffered; a stream holds its first chunk and the open upstream
/// stream. Dispose it (reading its events does) to return the connection to the pool.
/// </remarks>
internal sealed class UpstreamResponse : IDisposable
{
    private UpstreamResponse(UpstreamResult? failure, HttpResponseMessage? message)
    {
        Failure = failure;
        Message = message;
    }

    /// <summary>Set when there is nothing to relay; nothing has been written to our client.</summary>
    public UpstreamResult? Failure { get; private set; }

    /// <summary>The upstream's status, when it answered.</summary>
    public int? StatusCode => (int?)Message?.StatusCode ?? Failure?.StatusCode;

    /// <summary>Attempts made upstream to get this answer.</summary>
    public int Attempts { get; internal set; }

    internal HttpResponseMessage? Message { get; }

    /// <summary>The whole body of a non-streaming answer.</summary>
    internal byte[]? Body { get; init; }

    /// <summary>The open body of a streaming answer, its framer, and the first whole events already read.</summary>
    internal Stream? Stream { get; init; }

    internal SseEventFramer? Framer { get; init; }

    internal ReadOnlyMemory<byte> FirstEvents { get; init; }

    /// <summary>The failure kept for retry decisions (<see cref="Failure"/>) of one attempt.</summary>
    internal UpstreamError Error => Failure?.Error ?? UpstreamError.None;

    internal TimeSpan? RetryAfter => Failure?.RetryAfter;

    internal static UpstreamResponse Failed(UpstreamError error, int? status = null, TimeSpan? retryAfter = null) =>
        new(UpstreamResult.Failed(error, 0, status, retryAfter), null);

    internal static UpstreamResponse Buffered(HttpResponseMessage message, byte[] body) =>
        new(null, message) { Body = body };

    internal static UpstreamResponse Streaming(HttpResponseMessage message, Stream stream, SseEventFramer framer, ReadOnlyMemory<byte> firstEvents) =>
        new(null, message) { Stream = stream, Framer = framer, FirstEvents = firstEvents };

    internal UpstreamResponse WithAttempts(int attempts)
    {
        Attempts = attempts;
        if (Failure is not null)
        {
            Failure = Failure with { Attempts = attempts };
        }

        return this;
    }

    public void Dispose()
    {
        Stream?.Dispose();
        Message?.Dispose();
    }
}
