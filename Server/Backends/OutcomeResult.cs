using LocalOpenAi.Server.Generation;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// Writes a completion outcome in one API's shape (<see cref="IWireDialect"/>): an error with its real
/// status, a JSON body, or an SSE stream. A stream's status and headers go out with its first event;
/// while none exists yet (a long prompt being read), SSE comments every <c>Server:StreamKeepAliveInterval</c>
/// keep the connection alive, and an error after that arrives as the dialect's error event.
/// </summary>
internal sealed class OutcomeResult(Task<CompletionOutcome> pending, bool stream, IWireDialect dialect) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var events = new ServerSentEvents(httpContext.Response);
        var token = httpContext.RequestAborted;
        try
        {
            if (stream)
            {
                await KeepAliveUntilAsync(httpContext, events, token);
            }

            switch (await pending)
            {
                case RefusedOutcome refused when events.Started:
                    await events.WriteFramesAsync(dialect.Failure(refused.Error), token);
                    break;
                case RefusedOutcome refused:
                    await refused.Error.ExecuteAsync(httpContext);
                    break;
                case JsonOutcome json:
                    var body = await dialect.JsonAsync(json.Json);
                    httpContext.Response.ContentType = "application/json";
                    httpContext.Response.ContentLength = body.Length;
                    await httpContext.Response.Body.WriteAsync(body, token);
                    break;
                case StreamOutcome answer:
                    await WriteStreamAsync(events, answer, token);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && token.IsCancellationRequested)
        {
            // The client left; the backend saw the same cancellation and stopped its work.
        }
    }

    private async Task KeepAliveUntilAsync(HttpContext httpContext, ServerSentEvents events, CancellationToken token)
    {
        var interval = httpContext.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.StreamKeepAliveInterval;
        var time = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        while (!pending.IsCompleted)
        {
            var delay = Task.Delay(interval, time, CancellationToken.None);
            if (await Task.WhenAny(pending, delay) == delay)
            {
                if (!events.Started)
                {
                    await events.StartAsync(token);
                }

                await events.WriteCommentAsync("keep-alive", token);
            }
        }
    }

    private async Task WriteStreamAsync(ServerSentEvents events, StreamOutcome answer, CancellationToken token)
    {
        if (!events.Started)
        {
            await events.StartAsync(token);
        }

        await events.WriteFramesAsync(dialect.Start(), token);
        await foreach (var item in answer.Events.WithCancellation(token))
        {
            if (item.Failure is { } failure)
            {
                await events.WriteFramesAsync(dialect.Failure(failure), token);
                return;
            }

            await events.WriteFramesAsync(dialect.Events(item.Data), token);
        }

        await events.WriteFramesAsync(await dialect.EndAsync(), token);
    }
}
