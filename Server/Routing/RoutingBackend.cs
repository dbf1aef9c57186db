using LocalOpenAi.Router.Cascade;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Shadow;
using LocalOpenAi.Server.Tracing;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Server.Routing;

/// <summary>
/// Chooses the backend for each call, local or cloud, from the router's decision, and falls back to
/// the other when the chosen one refuses before its first byte and the strategy allows it. The
/// outcome is told in <c>X-Route</c>, <c>X-Route-Reason</c> and <c>X-Model</c>.
/// </summary>
internal sealed partial class RoutingBackend(
    ICompletionBackend local, ICompletionBackend? cloud, RequestRouter router, CostAccounting accounting, ModelManager models, LocalOpenAiMetrics metrics, ILogger<RoutingBackend> logger)
    : ICompletionBackend
{
    internal UpstreamSet? Upstreams { get; init; }

    /// <summary>Shadow evaluation of local answers (<c>Shadow:Rate</c>); null without an upstream.</summary>
    internal ShadowEvaluator? Shadow { get; init; }

    public async Task<CompletionOutcome> CompleteAsync(CompletionCall call, CancellationToken cancellationToken)
    {
        RouteDecision decision;
        using (var span = CompletionTracing.Source.StartActivity("route"))
        {
            decision = Decide(call);
            span?.SetTag("localopenai.route", decision.Route.ToWireName());
            span?.SetTag("localopenai.complexity", decision.Complexity.ToWireName());
            span?.SetTag("localopenai.route.reason", decision.Reason);
        }

        CompletionTracing.TagRequest("localopenai.route", decision.Route.ToWireName());
        CompletionTracing.TagRequest("localopenai.model", call.Model);
        metrics.RecordRouteDecision(decision.Route.ToWireName(), decision.Complexity.ToWireName());
        accounting.RecordDecision(decision.Route);
        Log.Routed(logger, decision.Route.ToWireName(), decision.Complexity.ToWireName(), decision.Reason);
        return decision.Route switch
        {
            RouteTarget.Cloud => await CloudAsync(call, decision, fallBackLocally: router.Strategy != RoutingStrategy.CloudOnly, decision.Reason, cancellationToken),
            RouteTarget.Hybrid => await HybridAsync(call, decision, cancellationToken),
            _ => await LocalAsync(call, decision.Reason, fallBackToCloud: decision, cancellationToken),
        };
    }

    private RouteDecision Decide(CompletionCall call) =>
        cloud is null || Upstreams is not { IsConfigured: true }
            ? new RouteDecision(RouteTarget.Local, default, 0, [], "no upstream configured", string.Empty)
            : router.Decide(call.Route);

    private async Task<CompletionOutcome> LocalAsync(CompletionCall call, string reason, RouteDecision? fallBackToCloud, CancellationToken cancellationToken)
    {
        SetRoute(call.Http, "local", reason, null);
        var alias = router.IsUpstreamAlias(call.Model) ? null : call.Model;
        var canEscalate = fallBackToCloud is not null && router.Strategy != RoutingStrategy.LocalOnly && Upstreams is { IsAvailable: true };
        var minimumLogprob = canEscalate && router.Strategy == RoutingStrategy.LocalFirst && !call.Stream ? router.MinMeanLogprob : null;
        var outcome = await local.CompleteAsync(
            call with { LocalAlias = alias, Backend = "local:" + (alias ?? models.DefaultAlias ?? "default"), MeasureLogprobs = minimumLogprob is not null }, cancellationToken);
        if (outcome is RefusedOutcome { IsBackendFailure: true } failure && canEscalate)
        {
            return await CloudAsync(call, fallBackToCloud!, fallBackLocally: false, $"local failed ({failure.StatusCode}), fell back to cloud", cancellationToken);
        }

        // local_first: a whole local answer that fails its checks is not sent; the cloud answers instead.
        // A stream is escalated only before its first byte (a refusal, above): after that it is the client's.
        if (outcome is JsonOutcome answer && canEscalate && router.Strategy == RoutingStrategy.LocalFirst
            && (LocalAnswerCheck.Failure(answer.Json, Expectations(call)) ?? Confidence(answer, minimumLogprob)) is { } check)
        {
            metrics.RecordEscalation(check);
            return await CloudAsync(call, fallBackToCloud!, fallBackLocally: false, $"local answer failed its check ({check}), escalated to cloud", cancellationToken);
        }

        if (outcome is JsonOutcome answered && call.Http.Response.Headers["X-Cache"] != "HIT")
        {
            Shadow?.Consider(call, answered);
        }

        return outcome;
    }

    private static string? Confidence(JsonOutcome answer, double? minimumMean) =>
        minimumMean is { } minimum ? AnswerConfidence.Failure(answer.TokenLogprobs, minimum) : null;

    private static AnswerExpectations Expectations(CompletionCall call) =>
        call.Chat is { } chat ? AnswerExpectations.From(chat.ResponseFormat, chat.ToolChoice) : AnswerExpectations.None;

    private async Task<CompletionOutcome> CloudAsync(CompletionCall call, RouteDecision decision, bool fallBackLocally, string reason, CancellationToken cancellationToken)
    {
        SetRoute(call.Http, "cloud", reason, decision.UpstreamModel);
        var outcome = await cloud!.CompleteAsync(
            call with { UpstreamModel = decision.UpstreamModel, Backend = "cloud:" + decision.UpstreamModel }, cancellationToken);
        if (outcome is RefusedOutcome { IsBackendFailure: true } failure)
        {
            var failureReason = failure.Reason ?? $"upstream failed ({failure.StatusCode})";
            if (fallBackLocally)
            {
                return await LocalAsync(call, $"{failureReason}, fell back to local", fallBackToCloud: null, cancellationToken);
            }

            SetRoute(call.Http, "cloud", failureReason, decision.UpstreamModel);
        }

        return outcome;
    }

    /// <summary>Long context: summarise it locally, send the shorter request to the cloud. Otherwise local first.</summary>
    private async Task<CompletionOutcome> HybridAsync(CompletionCall call, RouteDecision decision, CancellationToken cancellationToken)
    {
        if (call.Chat is { } chat && Upstreams is { IsAvailable: true } && await ModelResolution.ResolveAsync(call.Http, models, null) is ({ } model, _))
        {
            if (await ContextCompressor.CompressAsync(model, chat, call.Body, cancellationToken) is var (body, before, after))
            {
                call.Http.Response.Headers["X-Context-Tokens"] = $"{before}->{after}";
                return await CloudAsync(call with { Body = body }, decision, fallBackLocally: true, $"hybrid: context summarised locally {before}->{after} tokens, answered by cloud", cancellationToken);
            }
        }

        return await LocalAsync(call, decision.Reason, fallBackToCloud: decision, cancellationToken);
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
