namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// The upstream's answer after retries, before anything is written to our client: either a failure
/// (<see cref="Failure"/>) or a response ready to relay with <see cref="RelayAsync"/>.
/// </summary>
/// <remarks>
/// Non-streaming bodies are already buffered; a stream holds its first chunk and the open upstream
/// stream. Dispose it (or relay it) to return the connection to the pool.
/// </remarks>
internal sealed class UpstreamResponse : IDisposable
{
    private readonly UpstreamForwarder? _forwarder;

    private UpstreamResponse(UpstreamForwarder? forwarder, UpstreamResult? failure, HttpResponseMessage? message)
    {
        _forwarder = forwarder;
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

    internal bool Capture { get; init; }

    /// <summary>The failure kept for retry decisions (<see cref="Failure"/>) of one attempt.</summary>
    internal UpstreamError Error => Failure?.Error ?? UpstreamError.None;

    internal TimeSpan? RetryAfter => Failure?.RetryAfter;

    internal static UpstreamResponse Failed(UpstreamError error, int? status = null, TimeSpan? retryAfter = null) =>
        new(null, UpstreamResult.Failed(error, 0, status, retryAfter), null);

    internal static UpstreamResponse Buffered(UpstreamForwarder forwarder, HttpResponseMessage message, byte[] body, bool capture) =>
        new(forwarder, null, message) { Body = body, Capture = capture };

    internal static UpstreamResponse Streaming(UpstreamForwarder forwarder, HttpResponseMessage message, Stream stream, SseEventFramer framer, ReadOnlyMemory<byte> firstEvents, bool capture) =>
        new(forwarder, null, message) { Stream = stream, Framer = framer, FirstEvents = firstEvents, Capture = capture };

    internal UpstreamResponse WithAttempts(int attempts)
    {
        Attempts = attempts;
        if (Failure is not null)
        {
            Failure = Failure with { Attempts = attempts };
        }

        return this;
    }

    /// <summary>
    /// Writes the answer to <paramref name="response"/> byte for byte (a stream as it arrives, flushed
    /// per read) or, for a failure, writes nothing and returns <see cref="Failure"/>.
    /// </summary>
    public async Task<UpstreamResult> RelayAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        if (Failure is not null || _forwarder is null || Message is null)
        {
            return Failure ?? UpstreamResult.Failed(UpstreamError.BadResponse, Attempts);
        }

        try
        {
            return await _forwarder.RelayAsync(this, response, cancellationToken);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        Stream?.Dispose();
        Message?.Dispose();
    }
}
