using System.Text;
using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;

namespace LocalOpenAi.Server.Generation;

/// <summary>Writes OpenAI-style SSE: bare <c>data:</c> lines, flushed per event, ending with <c>[DONE]</c>.</summary>
public sealed class ServerSentEvents(HttpResponse response)
{
    private static readonly byte[] Prefix = "data: "u8.ToArray();
    private static readonly byte[] Separator = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public bool Started { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        Started = true;
        await response.StartAsync(cancellationToken);
    }

    /// <summary>Writes one event whose payload is already serialised JSON.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Prefix, cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync(Separator, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Ends a stream that failed after it started: one <c>data: {"error":...}</c> event and no <c>[DONE]</c> (OpenAI's shape); nothing for a client that left.</summary>
    public async Task WriteErrorAsync(ErrorResult error, CancellationToken cancellationToken)
    {
        if (error.StatusCode != RefusedOutcome.ClientClosedRequest)
        {
            await WriteAsync(JsonSerializer.SerializeToUtf8Bytes(error.Body, OpenAiJson.Default.ErrorResponse), cancellationToken);
        }
    }

    /// <summary>An SSE comment line: ignored by clients, it keeps idle proxies and load balancers from closing the stream.</summary>
    public async Task WriteCommentAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": {text}\n\n"), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task WriteDoneAsync(CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Done, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
