using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Routing;

/// <summary>
/// The one path every completion takes: the response cache first, then the router's decision,
/// then the local model or the upstream API — each side the other's fallback when the strategy
/// allows it. The outcome is told in <c>X-Route</c>, <c>X-Route-Reason</c>, <c>X-Cache</c>.
/// </summary>
internal sealed partial class CompletionPipeline(
    ResponseCaching cache, RequestRouter router, CostAccounting accounting, ModelManager models, ExchangeRecorder exchanges, LocalOpenAiMetrics metrics, ILogger<CompletionPipeline> logger)
{
    internal UpstreamForwarder? Upstream { get; init; }

    /// <summary>404 for a model that is neither a local alias nor an upstream alias the router knows.</summary>
    public IResult? CheckModel(string? model) =>
        string.IsNullOrEmpty(model) || models.IsKnown(model) || router.IsUpstreamAlias(model)
            ? null
            : OpenAiError.ModelNotFound(model);

    public async Task<IResult> RunAsync(HttpContext http, CompletionCall call)
    {
        var tenant = ClientIdentity.Get(http).Tenant;
        var alias = string.IsNullOrEmpty(call.Model) ? models.DefaultAlias ?? "default" : call.Model;
        var cached = await cache.LookUpAsync(http, call.Path, alias, tenant, call.Body, call.Stream);
        if (cached.Hit is { } hit)
        {
            SetRoute(http, "cache", "cache hit", call.Model);
            var isJson = hit.Kind == LocalOpenAi.Cache.CachedResponseKind.Json;
            accounting.RecordCache(isJson ? [hit.Body] : hit.Events);
            RecordExchange(http, call, isJson ? hit.Body.ToArray() : null, hit.Events);
            return new CachedReplayResult(hit);
        }

        var capture = new ResponseCapture(async completed =>
        {
            RecordExchange(http, call, completed.Json, completed.Events?.Select(payload => (ReadOnlyMemory<byte>)payload));
            if (cached.Store is { } store)
            {
                await store(completed);
            }
        });

        var decision = Decide(call);
        metrics.RecordRouteDecision(decision.Route.ToWireName(), decision.Complexity.ToWireName());
        accounting.RecordDecision(decision.Route);
        Log.Routed(logger, decision.Route.ToWireName(), decision.Complexity.ToWireName(), decision.Reason);
        return decision.Route switch
        {
            RouteTarget.Cloud => await CloudAsync(http, call, decision, capture, fallBackLocally: router.Strategy != RoutingStrategy.CloudOnly),
            RouteTarget.Hybrid => await HybridAsync(http, call, decision, capture),
            _ => await LocalAsync(http, call, decision.Reason, capture, fallBackToCloud: decision),
        };
    }

    private RouteDecision Decide(CompletionCall call)
    {
        if (Upstream is not { IsConfigured: true })
        {
            return new RouteDecision(RouteTarget.Local, default, 0, [], "no upstream configured", string.Empty);
        }

        return router.Decide(call.Route);
    }

    private async Task<IResult> LocalAsync(HttpContext http, CompletionCall call, string reason, ResponseCapture? capture, RouteDecision? fallBackToCloud)
    {
        SetRoute(http, "local", reason, null);
        var result = await call.Local(capture, router.IsUpstreamAlias(call.Model));
        var canEscalate = fallBackToCloud is not null && router.Strategy != RoutingStrategy.LocalOnly && Upstream is { IsAvailable: true };
        if (result is ErrorResult { StatusCode: >= 500 } failure && canEscalate)
        {
            return await CloudAsync(http, call, fallBackToCloud!, capture, fallBackLocally: false, $"local failed ({failure.StatusCode}), fell back to cloud");
        }

        return result;
    }

    private async Task<IResult> CloudAsync(HttpContext http, CompletionCall call, RouteDecision decision, ResponseCapture? capture, bool fallBackLocally, string? reason = null)
    {
        var upstream = await Upstream!.SendAsync(new UpstreamRequest(call.Endpoint, call.Body, decision.UpstreamModel, Capture: true), http.RequestAborted);
        if (upstream.Failure is { } failure)
        {
            upstream.Dispose();
            if (failure.Error == UpstreamError.ClientCancelled)
            {
                return Results.Empty;
            }

            if (fallBackLocally && failure.CanFallBack)
            {
                return await LocalAsync(http, call, $"{failure.Reason}, fell back to local", capture, fallBackToCloud: null);
            }

            SetRoute(http, "cloud", failure.Reason, decision.UpstreamModel);
            return failure.Error == UpstreamError.RateLimited
                ? new ErrorResult(429, OpenAiError.Envelope("The upstream API is rate limiting us.", "rate_limit_exceeded", null, "rate_limit_exceeded"), (int?)failure.RetryAfter?.TotalSeconds ?? 1)
                : OpenAiError.Create(failure.ClientStatus, "The upstream API could not answer.", "server_error", null, failure.Reason);
        }

        SetRoute(http, "cloud", reason ?? decision.Reason, decision.UpstreamModel);
        return new UpstreamRelayResult(upstream, capture, accounting, decision.UpstreamModel);
    }

    /// <summary>Long context: summarise it locally, send the shorter request to the cloud. Otherwise local first.</summary>
    private async Task<IResult> HybridAsync(HttpContext http, CompletionCall call, RouteDecision decision, ResponseCapture? capture)
    {
        if (call.Chat is { } chat && Upstream is { IsAvailable: true } && await ModelResolution.ResolveAsync(http, models, null) is ({ } model, _))
        {
            if (await ContextCompressor.CompressAsync(model, chat, call.Body, http.RequestAborted) is var (body, before, after))
            {
                http.Response.Headers["X-Context-Tokens"] = $"{before}->{after}";
                var compressed = call with { Body = body };
                return await CloudAsync(http, compressed, decision, capture, fallBackLocally: true, $"hybrid: context summarised locally {before}->{after} tokens, answered by cloud");
            }
        }

        return await LocalAsync(http, call, decision.Reason, capture, fallBackToCloud: decision);
    }

    /// <summary>Remembers the answer for <c>/feedback</c>: the JSON body, or else the stream's events.</summary>
    private void RecordExchange(HttpContext http, CompletionCall call, byte[]? json, IEnumerable<ReadOnlyMemory<byte>>? events)
    {
        if (json is not null)
        {
            exchanges.RecordJson(RequestIdMiddleware.Get(http), call.Body, json);
        }
        else
        {
            exchanges.RecordEvents(RequestIdMiddleware.Get(http), call.Body, events ?? []);
        }
    }

    private static void SetRoute(HttpContext http, string route, string reason, string? model)
    {
        http.Response.Headers["X-Route"] = route;
        http.Response.Headers["X-Route-Reason"] = reason;
        if (model is not null)
        {
            http.Response.Headers["X-Model"] = model;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Routed {Route} ({Complexity}): {Reason}")]
        public static partial void Routed(ILogger logger, string route, string complexity, string reason);
    }
}
