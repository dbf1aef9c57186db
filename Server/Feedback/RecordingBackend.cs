using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Requests;

namespace LocalOpenAi.Server.Feedback;

/// <summary>Puts every whole answer (local, cloud or cache) into the exchange log, so that feedback on its request id carries it.</summary>
internal sealed class RecordingBackend(ICompletionBackend inner, ExchangeRecorder exchanges) : ICompletionBackend
{
    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        var outcome = await inner.CompleteAsync(call, cancellationToken);
        switch (outcome)
        {
            case JsonOutcome json:
                exchanges.RecordJson(RequestIdMiddleware.Get(call.Http), call.Body, json.Json, Route(call), call.Route.AgentName);
                return json;
            case StreamOutcome stream:
                return new StreamOutcome(RecordWhenWhole(stream.Events, call));
            default:
                return outcome;
        }
    }

    private async IAsyncEnumerable<StreamEvent> RecordWhenWhole(IAsyncEnumerable<StreamEvent> events, CompletionCall call)
    {
        var payloads = new List<ReadOnlyMemory<byte>>();
        await foreach (var item in events)
        {
            if (item.IsFailure)
            {
                yield return item;
                yield break;
            }

            payloads.Add(item.Data);
            yield return item;
        }

        exchanges.RecordEvents(RequestIdMiddleware.Get(call.Http), call.Body, payloads, Route(call), call.Route.AgentName);
    }

    /// <summary>Who answered, as the routing and cache decorators told the client in <c>X-Route</c>.</summary>
    private static string? Route(CompletionCall call) => call.Http.Response.Headers["X-Route"].ToString() is { Length: > 0 } route ? route : null;
}
