using LocalOpenAi.Cache;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Caching;

/// <summary>Answers a cache hit exactly as the original was sent: the JSON body, or each SSE event, flushed one by one.</summary>
public sealed class CachedReplayResult(CachedResponse cached) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var token = httpContext.RequestAborted;
        if (cached.Kind == CachedResponseKind.Json)
        {
            await new JsonPayloadResult(cached.Body.ToArray()).ExecuteAsync(httpContext);
            return;
        }

        var events = new ServerSentEvents(httpContext.Response);
        await events.StartAsync(token);
        foreach (var payload in cached.Events)
        {
            await events.WriteAsync(payload, token);
        }

        await events.WriteDoneAsync(token);
    }
}
