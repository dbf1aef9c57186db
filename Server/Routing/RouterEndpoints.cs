using System.Text.Json.Serialization;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Server.Routing;

/// <summary><c>/router/classify</c>, <c>/router/status</c> and <c>PUT /admin/router/strategy</c>.</summary>
internal static class RouterEndpoints
{
    public static IEndpointRouteBuilder MapRouter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/router/classify", ClassifyAsync).WithName("ClassifyRequest").WithTags("Router");
        endpoints.MapGet("/router/status", Status).WithName("RouterStatus").WithTags("Router");
        endpoints.MapPut("/admin/router/strategy", SetStrategyAsync).WithName("SetRouterStrategy").WithTags("Admin");
        return endpoints;
    }

    private const string NoUpstream = "no upstream configured (--upstream-url): every request is answered locally";

    private static async Task<IResult> ClassifyAsync(HttpContext http, RequestRouter router, IServiceProvider services)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, RouterJson.Default.ClassifyRequest);
        if (error is not null)
        {
            return error;
        }

        if (request!.Messages is not { Count: > 0 } && string.IsNullOrEmpty(request.Prompt))
        {
            return OpenAiError.BadRequest("Give 'messages' or 'prompt'.", "messages");
        }

        var input = request.Messages is { Count: > 0 } messages
            ? ClassificationInput.FromChat(new ChatCompletionRequest { Messages = messages, Tools = request.Tools, MaxTokens = request.MaxTokens }, request.Agent)
            : ClassificationInput.FromPrompt(request.Prompt!, request.MaxTokens, request.Agent);
        var decision = router.Decide(new RouteRequest(input, request.Model, request.Agent, null, http.Request.Headers["X-Route-Prefer"]));
        var (route, reasons) = HasUpstream(services) ? (decision.Route.ToWireName(), decision.Reasons) : ("local", [.. decision.Reasons, NoUpstream]);
        return TypedResults.Json(
            new ClassifyResponse(decision.Complexity.ToWireName(), Math.Round(decision.Score, 3), route, reasons),
            RouterJson.Default.ClassifyResponse);
    }

    private static IResult Status(RequestRouter router, CostLedger ledger, CostAccounting accounting, ModelManager models, IServiceProvider services)
    {
        var upstreams = services.GetService<UpstreamSet>();
        var upstream = upstreams?.All.FirstOrDefault()?.Forwarder;
        var snapshot = ledger.Snapshot();
        return TypedResults.Json(new RouterStatus(
            HasUpstream(services) ? router.Strategy.ToWireName() : RoutingStrategy.LocalOnly.ToWireName(),
            new LocalStatus(models.NotReadyReason is null, models.Aliases),
            new CloudStatus(
                upstreams?.IsAvailable == true,
                upstream?.IsConfigured == true ? upstream.CircuitState.ToString().ToLowerInvariant() : "not_configured",
                [.. (upstreams?.All ?? []).Select(named => new UpstreamStatus(
                    named.Name, named.Forwarder.Kind == UpstreamKind.Anthropic ? "anthropic" : "openai", named.Forwarder.IsAvailable, named.Forwarder.CircuitState.ToString().ToLowerInvariant(),
                    accounting.SpentBy(named.Name)))]),
            new RouteCounts(snapshot.LocalAnswers, snapshot.CloudAnswers, snapshot.HybridRoutes, snapshot.CachedAnswers),
            new Savings(snapshot.ReferenceModel, snapshot.CostAvoidedUsd, snapshot.CloudSpendUsd),
            router.Classifier.Calibration.Snapshot()), RouterJson.Default.RouterStatus);
    }

    private static async Task<IResult> SetStrategyAsync(HttpContext http, RequestRouter router, IServiceProvider services)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, RouterJson.Default.StrategyRequest);
        if (error is not null)
        {
            return error;
        }

        if (!RouterWireNames.TryParseStrategy(request!.Strategy, out var strategy))
        {
            return OpenAiError.BadRequest("'strategy' must be local_only, cloud_only, hybrid, local_fallback or local_first.", "strategy");
        }

        if (strategy != RoutingStrategy.LocalOnly && !HasUpstream(services))
        {
            return OpenAiError.BadRequest($"'{strategy.ToWireName()}' needs an upstream: {NoUpstream}.", "strategy");
        }

        router.Strategy = strategy;
        return TypedResults.Json(new StrategyRequest(strategy.ToWireName()), RouterJson.Default.StrategyRequest);
    }

    /// <summary>The pipeline answers everything locally without one, whatever the strategy says (<see cref="RoutingServices"/>).</summary>
    private static bool HasUpstream(IServiceProvider services) => services.GetService<UpstreamSet>() is { IsConfigured: true };

    /// <summary><c>/router/classify</c> body: a chat (messages, tools) or a prompt.</summary>
    public sealed record ClassifyRequest(IReadOnlyList<ChatMessage>? Messages, string? Prompt, IReadOnlyList<ChatTool>? Tools, string? Agent, string? Model, int? MaxTokens);

    /// <summary>The classifier's verdict and the route the current strategy gives it.</summary>
    public sealed record ClassifyResponse(string Complexity, double Score, string Route, IReadOnlyList<string> Reasons);

    /// <summary><c>PUT /admin/router/strategy</c> body and answer.</summary>
    public sealed record StrategyRequest(string? Strategy);

    /// <summary><c>/router/status</c>.</summary>
    /// <param name="Calibration">Each agent's score shift learnt from ratings of local answers (bounded ±0.2).</param>
    public sealed record RouterStatus(string Strategy, LocalStatus Local, CloudStatus Cloud, RouteCounts Counts, Savings Savings, IReadOnlyDictionary<string, double> Calibration);

    /// <summary>Whether local generation is possible, and with which models.</summary>
    public sealed record LocalStatus(bool Available, IReadOnlyList<string> Models);

    /// <summary>Whether an upstream can be called, the first one's circuit breaker, and every named upstream.</summary>
    public sealed record CloudStatus(bool Available, string Circuit, IReadOnlyList<UpstreamStatus> Upstreams);

    /// <summary>One upstream: its name, the API it speaks, its own circuit breaker, and what its answers cost so far (USD).</summary>
    public sealed record UpstreamStatus(string Name, string Kind, bool Available, string Circuit, decimal SpendUsd);

    /// <summary>Answers by where they came from.</summary>
    public sealed record RouteCounts(long Local, long Cloud, long Hybrid, long Cache);

    /// <summary>Cloud cost avoided by local and cached answers, and spent upstream, in USD.</summary>
    public sealed record Savings(string ReferenceModel, decimal CostAvoidedUsd, decimal CloudSpendUsd);
}

/// <summary>Source-generated JSON for the router endpoints.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RouterEndpoints.ClassifyRequest))]
[JsonSerializable(typeof(RouterEndpoints.ClassifyResponse))]
[JsonSerializable(typeof(RouterEndpoints.StrategyRequest))]
[JsonSerializable(typeof(RouterEndpoints.RouterStatus))]
internal sealed partial class RouterJson : JsonSerializerContext;
