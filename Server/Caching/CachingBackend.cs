using LocalOpenAi.Cache;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Tracing;
using LocalOpenAi.Server.Accounting;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Caching;

/// <summary>
/// The response cache around one backend: answers a hit as it was first sent (the JSON body, or the
/// SSE payloads one by one), and stores a complete answer of the inner backend under the backend that
/// produced it (<see cref="CompletionCall.Backend"/>), so a fallback answer never stands in for another backend's.
/// </summary>
/// <remarks>A store that fails is a miss to the client: counted, logged by the store, never an error answer.</remarks>
internal sealed class CachingBackend(ICompletionBackend inner, IResponseCacheStore store, CachePolicy policy, CacheOptions options, LocalOpenAiMetrics metrics, CostAccounting accounting, TimeProvider time)
    : ICompletionBackend
{
    /// <summary>Per-request TTL, honoured up to <c>Cache:MaxTtl</c>.</summary>
    public const string TtlHeader = "X-Cache-TTL";

    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        var http = call.Http;
        CacheDecision? decision = options.Enabled
            ? policy.Decide(call.Body, http.Request.Headers.CacheControl.ToString(), http.Request.Headers[TtlHeader].ToString())
            : null;
        if (decision is not { UseCache: true })
        {
            metrics.RecordCacheLookup(CacheLookupResult.Bypass);
            http.Response.Headers["X-Cache"] = "BYPASS";
            return await inner.CompleteAsync(call, cancellationToken);
        }

        var key = ResponseCacheKey.Create(Shape(call), call.Backend, ClientIdentity.Get(http).Tenant, call.Body);
        CacheLookup lookup;
        using (var span = CompletionTracing.Source.StartActivity("cache.lookup"))
        {
            lookup = await store.TryGetAsync(key, cancellationToken);
            span?.SetTag("localopenai.cache", lookup.IsHit ? "hit" : lookup.Status == CacheLookupStatus.Error ? "error" : "miss");
        }

        if (lookup.IsHit && CachedResponse.TryDeserialize(lookup.Value.Span, out var cached)
            && cached!.Kind == (call.Stream ? CachedResponseKind.EventStream : CachedResponseKind.Json))
        {
            metrics.RecordCacheLookup(CacheLookupResult.Hit);
            CompletionTracing.TagRequest("localopenai.cache", "hit");
            http.Response.Headers["X-Cache"] = "HIT";
            http.Response.Headers["X-Route"] = "cache";
            http.Response.Headers["X-Route-Reason"] = "cache hit";
            var isJson = cached.Kind == CachedResponseKind.Json;
            if (accounting.RecordCache(isJson ? [cached.Body] : cached.Events) is > 0 and var promptTokens)
            {
                PromptTokenCount.Set(http, promptTokens);
            }

            return isJson ? new JsonOutcome(cached.Body.ToArray()) : new StreamOutcome(cached.Events.Select(payload => new StreamEvent(payload)).ToAsyncEnumerable());
        }

        metrics.RecordCacheLookup(lookup.Status == CacheLookupStatus.Error ? CacheLookupResult.Error : CacheLookupResult.Miss);
        http.Response.Headers["X-Cache"] = "MISS";
        var outcome = await inner.CompleteAsync(call, cancellationToken);
        switch (outcome)
        {
            case JsonOutcome json:
                await store.SetAsync(key, CachedResponse.ForJson(json.Json, time.GetUtcNow()).Serialize(), decision.Value.Ttl, CancellationToken.None);
                return json;
            case StreamOutcome stream:
                return new StreamOutcome(StoreWhenWhole(stream.Events, key, decision.Value.Ttl));
            default:
                return outcome;
        }
    }

    /// <summary>
    /// The endpoint plus the shape of the answer asked for: JSON, an SSE stream, or an SSE stream with
    /// a usage event. The key leaves out <c>stream</c> and <c>stream_options</c> (they do not change
    /// the generated text), yet a replay must not add a usage event nobody asked for, nor lack one asked for.
    /// </summary>
    private static string Shape(CompletionCall call) =>
        !call.Stream ? call.Path : call.IncludeUsage ? call.Path + "#sse+usage" : call.Path + "#sse";

    private async IAsyncEnumerable<StreamEvent> StoreWhenWhole(IAsyncEnumerable<StreamEvent> events, ResponseCacheKey key, TimeSpan ttl)
    {
        var payloads = new List<ReadOnlyMemory<byte>>();
        await foreach (var item in events)
        {
            if (item.IsFailure)
            {
                yield return item;
                yield break;
            }

            payloads.Add(item.Data.ToArray());
            yield return item;
        }

        // The answer is whole even if the client leaves now: keep it.
        await store.SetAsync(key, CachedResponse.ForEventStream(payloads, time.GetUtcNow()).Serialize(), ttl, CancellationToken.None);
    }
}
