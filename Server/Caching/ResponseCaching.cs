using System.Text.Json.Nodes;
using LocalOpenAi.Cache;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Caching;

/// <summary>
/// The response cache as the completion pipeline uses it: decide, look up, replay a hit in the
/// shape of the request (JSON or the recorded SSE stream), and store complete successes.
/// </summary>
/// <remarks>A store that fails is a miss to the client: counted, logged by the store, never an error answer.</remarks>
public sealed class ResponseCaching(IResponseCacheStore store, CachePolicy policy, CacheOptions options, LocalOpenAiMetrics metrics, TimeProvider time)
{
    /// <summary>Per-request TTL, honoured up to <c>Cache:MaxTtl</c>.</summary>
    public const string TtlHeader = "X-Cache-TTL";

    public async Task<CacheOutcome> LookUpAsync(HttpContext http, string endpoint, string model, string tenant, JsonObject body, bool stream)
    {
        if (!options.Enabled)
        {
            return Bypass(http);
        }

        var decision = policy.Decide(body, http.Request.Headers.CacheControl.ToString(), http.Request.Headers[TtlHeader].ToString());
        if (!decision.UseCache)
        {
            return Bypass(http);
        }

        var key = ResponseCacheKey.Create(Shape(endpoint, body, stream), model, tenant, body);
        var lookup = await store.TryGetAsync(key, http.RequestAborted);
        if (lookup.IsHit && CachedResponse.TryDeserialize(lookup.Value.Span, out var cached)
            && cached!.Kind == (stream ? CachedResponseKind.EventStream : CachedResponseKind.Json))
        {
            metrics.RecordCacheLookup(CacheLookupResult.Hit);
            http.Response.Headers["X-Cache"] = "HIT";
            return new CacheOutcome(cached, null);
        }

        metrics.RecordCacheLookup(lookup.Status == CacheLookupStatus.Error ? CacheLookupResult.Error : CacheLookupResult.Miss);
        http.Response.Headers["X-Cache"] = "MISS";
        return new CacheOutcome(null, capture => StoreAsync(key, capture, decision.Ttl));
    }

    /// <summary>
    /// The endpoint plus the shape of the answer asked for: JSON, an SSE stream, or an SSE stream with
    /// a usage event. The key leaves out <c>stream</c> and <c>stream_options</c> (they do not change
    /// the generated text), yet a replay must not add a usage event nobody asked for, nor lack one asked for.
    /// </summary>
    private static string Shape(string endpoint, JsonObject body, bool stream) =>
        !stream ? endpoint
        : body["stream_options"] is JsonObject options && options["include_usage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True ? endpoint + "#sse+usage"
        : endpoint + "#sse";

    private CacheOutcome Bypass(HttpContext http)
    {
        metrics.RecordCacheLookup(CacheLookupResult.Bypass);
        http.Response.Headers["X-Cache"] = "BYPASS";
        return new CacheOutcome(null, null);
    }

    private async Task StoreAsync(ResponseCacheKey key, ResponseCapture capture, TimeSpan ttl)
    {
        var entry = capture.Json is { } json
            ? CachedResponse.ForJson(json, time.GetUtcNow())
            : CachedResponse.ForEventStream(capture.Events!.Select(payload => (ReadOnlyMemory<byte>)payload), time.GetUtcNow());
        await store.SetAsync(key, entry.Serialize(), ttl);
    }
}

/// <summary>A hit to replay, or on a miss how to store the answer once it completes.</summary>
public sealed record CacheOutcome(CachedResponse? Hit, Func<ResponseCapture, Task>? Store);
