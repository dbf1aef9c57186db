using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// Writes a completion outcome in OpenAI's shape: an error with its real status, a JSON body, or an SSE
/// stream ending in <c>[DONE]</c>. A stream's status and headers go out with its first event; while
/// none exists yet (a long prompt being read), SSE comments every <c>Server:StreamKeepAliveInterval</c>
/// keep the connection alive, and an error after that arrives as a <c>data: {"error":...}</c> event.
/// </summary>
internal sealed class OpenAiOutcomeResult(Task<CompletionOutcome> pending, bool stream) : IResult
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
                    await events.WriteErrorAsync(refused.Error, token);
                    break;
                case RefusedOutcome refused:
                    await refused.Error.ExecuteAsync(httpContext);
                    break;
                case JsonOutcome json:
                    httpContext.Response.ContentType = "application/json";
                    httpContext.Response.ContentLength = json.Json.Length;
                    await httpContext.Response.Body.WriteAsync(json.Json, token);
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

    private static async Task WriteStreamAsync(ServerSentEvents events, StreamOutcome answer, CancellationToken token)
    {
        if (!events.Started)
        {
            await events.StartAsync(token);
        }

        await foreach (var item in answer.Events.WithCancellation(token))
        {
            if (item.Failure is { } failure)
            {
                await events.WriteErrorAsync(failure, token);
                return;
            }

            await events.WriteAsync(item.Data, token);
        }

        await events.WriteDoneAsync(token);
    }
}
