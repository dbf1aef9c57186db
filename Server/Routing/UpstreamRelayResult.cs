using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Routing;

/// <summary>Relays an upstream answer already under way; a stream cut mid-way ends with an error event.</summary>
internal sealed class UpstreamRelayResult(UpstreamResponse upstream, ResponseCapture? capture, CostAccounting accounting, string upstreamModel) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (upstream)
        {
            var result = await upstream.RelayAsync(httpContext.Response, httpContext.RequestAborted);
            if (result.Error == UpstreamError.StreamCut)
            {
                await UpstreamStreamError.WriteAsync(httpContext.Response, result, httpContext.RequestAborted);
                return;
            }

            if (!result.Succeeded || result.Capture is not { } captured)
            {
                return;
            }

            accounting.RecordCloud(captured, upstreamModel);
            if (capture is null)
            {
                return;
            }

            if (captured.Body is { } body)
            {
                await capture.CompleteJsonAsync(body.ToArray());
                return;
            }

            foreach (var payload in captured.Events ?? [])
            {
                capture.AddEvent(System.Text.Encoding.UTF8.GetBytes(payload));
            }

            await capture.CompleteEventsAsync();
        }
    }
}
