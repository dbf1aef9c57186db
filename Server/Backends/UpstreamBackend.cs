using System.Runtime.CompilerServices;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Server.Backends;

/// <summary>
/// The leaf that asks the upstream API (<see cref="CompletionCall.UpstreamModel"/>): retries and the
/// breaker before the first byte, its JSON answer or stream payloads relayed as sent, its errors cleaned
/// of secrets, and the cloud cost counted once the answer is whole.
/// </summary>
internal sealed class UpstreamBackend(UpstreamForwarder forwarder, CostAccounting accounting, string name = UpstreamSet.DefaultName) : ICompletionBackend
{
    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        var model = call.UpstreamModel ?? call.Model ?? string.Empty;
        var upstream = await forwarder.SendAsync(new UpstreamRequest(call.Endpoint, call.Body, model), cancellationToken);

        return await AnswerAsync(upstream, call.Http, model, cancellationToken);
    }

    /// <summary>The outcome of an upstream response: its failure, its cleaned error, its JSON body or its stream.</summary>
    internal async Task<CompletionOutcome> AnswerAsync(UpstreamResponse upstream, HttpContext http, string model, CancellationToken cancellationToken)
    {
        if (upstream.Failure is { } failure)
        {
            upstream.Dispose();
            return Refuse(failure);
        }

        http.Response.Headers["X-Model"] = model;
        if (upstream.Message!.Headers.TryGetValues("x-request-id", out var upstreamIds))
        {
            http.Response.Headers["X-Upstream-Request-Id"] = upstreamIds.FirstOrDefault();
        }

        if (upstream.Body is { } body)
        {
            using (upstream)
            {
                if (!upstream.Message.IsSuccessStatusCode)
                {
                    return new RefusedOutcome(UpstreamErrorBody.Clean((int)upstream.Message.StatusCode, body, forwarder.Secrets));
                }

                accounting.RecordCloud([body], model, name);
                return new JsonOutcome(body);
            }
        }

        return await StreamOutcome.StartAsync(RelayAsync(upstream, model, cancellationToken), cancellationToken);
    }

    /// <summary>The failure as our client sees it: 429 with Retry-After, 504 on a timeout, 502 or 503 otherwise.</summary>
    internal static RefusedOutcome Refuse(UpstreamResult failure) => failure.Error switch
    {
        UpstreamError.ClientCancelled => RefusedOutcome.ClientGone,
        UpstreamError.RateLimited => new RefusedOutcome(new ErrorResult(
            StatusCodes.Status429TooManyRequests,
            OpenAiError.Envelope("The upstream API is rate limiting us.", "rate_limit_exceeded", null, "rate_limit_exceeded"),
            (int?)failure.RetryAfter?.TotalSeconds ?? 1), failure.Reason),
        _ => new RefusedOutcome(OpenAiError.Create(failure.ClientStatus, "The upstream API could not answer.", "server_error", null, failure.Reason), failure.Reason),
    };

    private async IAsyncEnumerable<StreamEvent> RelayAsync(UpstreamResponse upstream, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? usage = null;
        await foreach (var item in forwarder.ReadEventsAsync(upstream, cancellationToken))
        {
            switch (item.End)
            {
                case UpstreamStreamEnd.None:
                    usage = item.Payload.Span.IndexOf("\"usage\""u8) >= 0 ? item.Payload : usage;
                    yield return new StreamEvent(item.Payload);
                    break;
                case UpstreamStreamEnd.Done:
                    accounting.RecordCloud(usage is { } last ? [last] : [], model, name);
                    yield break;
                case UpstreamStreamEnd.ClientGone:
                    yield return StreamEvent.Failed(RefusedOutcome.ClientGone.Error);
                    yield break;
                default:
                    yield return StreamEvent.Failed(OpenAiError.Create(
                        StatusCodes.Status502BadGateway, "The upstream provider ended the stream early.", "server_error", null, "upstream_stream_cut"));
                    yield break;
            }
        }
    }
}
