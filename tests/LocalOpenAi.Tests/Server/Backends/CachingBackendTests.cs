using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Cache;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Tests.Server.Metrics;
using Microsoft.AspNetCore.Http;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Tests.Server.Backends;

/// <summary>The cache decorator keys answers by the backend that produced them, so a fallback answer never stands in for another backend's.</summary>
public sealed class CachingBackendTests : IDisposable
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"object":"chat.completion","choices":[]}""");

    private readonly MetricsContainer _metrics = new();
    private readonly MemoryResponseCacheStore _store = new(100, 1 << 20);

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task An_answer_cached_for_one_backend_is_a_miss_for_another_and_a_hit_for_its_own()
    {
        var cloud = new CannedBackend(() => new JsonOutcome(Answer));
        var local = new CannedBackend(() => new JsonOutcome(Answer));
        var cachedCloud = Cached(cloud);
        var cachedLocal = Cached(local);

        var first = Call("cloud:gpt-4o");
        await cachedCloud.CompleteAsync(first, CancellationToken.None);
        var sameBackend = Call("cloud:gpt-4o");
        var hit = await cachedCloud.CompleteAsync(sameBackend, CancellationToken.None);
        var otherBackend = Call("local:tiny");
        await cachedLocal.CompleteAsync(otherBackend, CancellationToken.None);

        Assert.Equal(("MISS", "HIT", "MISS"), (Cache(first), Cache(sameBackend), Cache(otherBackend)));
        Assert.Equal(Answer, Assert.IsType<JsonOutcome>(hit).Json);
        Assert.Equal((1, 1), (cloud.Calls, local.Calls));
    }

    [Fact]
    public async Task A_refusal_is_never_cached()
    {
        var failing = new CannedBackend(() => new RefusedOutcome(LocalOpenAi.Server.Errors.OpenAiError.Unavailable("down")));
        var cached = Cached(failing);

        await cached.CompleteAsync(Call("cloud:gpt-4o"), CancellationToken.None);
        var again = Call("cloud:gpt-4o");
        await cached.CompleteAsync(again, CancellationToken.None);

        Assert.Equal("MISS", Cache(again));
        Assert.Equal(2, failing.Calls);
    }

    private CachingBackend Cached(ICompletionBackend inner)
    {
        var options = new CacheOptions();
        return new CachingBackend(inner, _store, new CachePolicy(options), options, _metrics.Metrics, new CostAccounting(new CostLedger(new RouterOptions()), _metrics.Metrics), TimeProvider.System);
    }

    private static CompletionCall Call(string backend)
    {
        var body = new JsonObject
        {
            ["model"] = "gpt-4o",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hello" }),
            ["temperature"] = 0,
        };
        var request = body.Deserialize(OpenAiJson.Default.ChatCompletionRequest)!;
        return new CompletionCall(new DefaultHttpContext(), UpstreamEndpoint.ChatCompletions, body, request, "gpt-4o", Stream: false, RouteRequest.FromChat(request))
        {
            Backend = backend,
        };
    }

    private static string Cache(CompletionCall call) => call.Http.Response.Headers["X-Cache"].ToString();
}
