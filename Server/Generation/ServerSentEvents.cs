using System.Text;

namespace LocalOpenAi.Server.Generation;

/// <summary>Writes an SSE response: headers that stop proxies from buffering, then whole frames, flushed as they are written.</summary>
internal sealed class ServerSentEvents(HttpResponse response)
{
    public bool Started { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        Started = true;
        await response.StartAsync(cancellationToken);
    }

    public async Task WriteFramesAsync(IEnumerable<ReadOnlyMemory<byte>> frames, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var frame in frames)
        {
            await response.Body.WriteAsync(frame, cancellationToken);
            any = true;
        }

        if (any)
        {
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>An SSE comment line: ignored by clients, it keeps idle proxies and load balancers from closing the stream.</summary>
    public async Task WriteCommentAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": {text}\n\n"), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
