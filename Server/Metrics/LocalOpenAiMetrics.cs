using System.Diagnostics.Metrics;
using System.Globalization;
using LocalOpenAi.Engine.Generation;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// The server's instruments, named as SPEC.md fixes them, behind recording methods that say what
/// happened. One per container (a singleton); its meter comes from <see cref="IMeterFactory"/>.
/// </summary>
/// <remarks>Every method is thread-safe and cheap when nothing listens (<c>Enabled</c> guards).</remarks>
internal sealed partial class LocalOpenAiMetrics
{
    /// <summary>The name of the meter every LocalOpenAi instrument belongs to.</summary>
    public const string MeterName = "LocalOpenAi";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _tokensPerSecond;
    private readonly Counter<long> _promptTokens;
    private readonly Counter<long> _promptTokensCached;
    private readonly Counter<long> _completionTokens;
    private readonly Counter<long> _cacheRequests;
    private readonly Counter<long> _routeDecisions;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _upstreamRequests;
    private readonly Counter<double> _upstreamCost;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<double> _costSaved;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _modelLoads;
    private readonly Counter<long> _modelUnloads;

    /// <summary>Creates the meter and all instruments.</summary>
    public LocalOpenAiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(MetricNames.Requests, "{request}", "Requests served, by route, model, endpoint and status code.");
        _requestDuration = CreateHistogram(meter, MetricNames.RequestDuration, "s", "Time from request start to the last byte of the response.", HistogramBuckets.RequestDuration);
        _timeToFirstToken = CreateHistogram(meter, MetricNames.TimeToFirstToken, "s", "Time from request start to the first generated token.", HistogramBuckets.TimeToFirstToken);
        _queueWait = CreateHistogram(meter, MetricNames.QueueWait, "s", "Time a request waited for a free inference slot.", HistogramBuckets.QueueWait);
        _tokensPerSecond = CreateHistogram(meter, MetricNames.TokensPerSecond, "{token}/s", "Decode throughput of one generation.", HistogramBuckets.TokensPerSecond);
        _promptTokens = meter.CreateCounter<long>(MetricNames.PromptTokens, "{token}", "Prompt tokens actually evaluated.");
        _promptTokensCached = meter.CreateCounter<long>(MetricNames.PromptTokensCached, "{token}", "Prompt tokens reused from the KV cache.");
        _completionTokens = meter.CreateCounter<long>(MetricNames.CompletionTokens, "{token}", "Completion tokens generated.");
        _cacheRequests = meter.CreateCounter<long>(MetricNames.CacheRequests, "{request}", "Response cache lookups by result.");
        _routeDecisions = meter.CreateCounter<long>(MetricNames.RouteDecisions, "{decision}", "Routing decisions by route and complexity.");
        _upstreamCost = meter.CreateCounter<double>(MetricNames.UpstreamCost, "USD", "What each named upstream's answers cost, priced per model from Router:Prices.");
        _upstreamRequests = meter.CreateCounter<long>(MetricNames.UpstreamRequests, "{request}", "Calls to each named upstream by the status it answered (or circuit_open when skipped).");
        _escalations = meter.CreateCounter<long>(MetricNames.RouterEscalations, "{request}", "Local answers that failed their checks under local_first and went to the cloud, by reason.");
        _upstreamErrors = meter.CreateCounter<long>(MetricNames.UpstreamErrors, "{error}", "Failed calls to the upstream provider by kind.");
        _costSaved = meter.CreateCounter<double>(MetricNames.CostSaved, "USD", "Estimated upstream cost avoided by serving locally or from the cache.");
        _rateLimited = meter.CreateCounter<long>(MetricNames.RateLimited, "{request}", "Requests rejected with 429 by the rate limiter.");
        _modelLoads = meter.CreateCounter<long>(MetricNames.ModelLoads, "{load}", "Model loads by alias and result (loaded, failed).");
        _modelUnloads = meter.CreateCounter<long>(MetricNames.ModelUnloads, "{unload}", "Model unloads by alias and reason (evicted, idle, admin, replaced, shutdown).");
        meter.CreateObservableGauge(MetricNames.QueueDepth, ObserveQueueDepth, "{request}", "Requests waiting for an inference slot, per model.");
        meter.CreateObservableGauge(MetricNames.SlotsBusy, ObserveBusySlots, "{slot}", "Inference slots generating, per model.");
        meter.CreateObservableGauge(MetricNames.KvCacheUsage, ObserveKvCacheUsage, "1", "Fraction of the KV cache in use, per model.");
        meter.CreateObservableGauge(MetricNames.ShadowAgreement, ObserveShadowAgreement, "1", "Share of shadowed local answers the cloud's answer agreed with.");
    }

    /// <summary>Where <c>localopenai_shadow_agreement_ratio</c> reads from; nothing is reported until shadowing has compared an answer.</summary>
    public Func<double?>? ShadowAgreement { get; set; }

    private IEnumerable<Measurement<double>> ObserveShadowAgreement() =>
        ShadowAgreement?.Invoke() is { } ratio ? [new Measurement<double>(ratio)] : [];

    /// <summary>One finished HTTP request (recorded by the request-metrics middleware).</summary>
    public void RecordRequest(string route, string model, string endpoint, int statusCode, TimeSpan duration)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new("route", route), new("model", model), new("endpoint", endpoint), new("status", StatusText(statusCode)));
        }

        if (_requestDuration.Enabled)
        {
            _requestDuration.Record(duration.TotalSeconds, new("route", route), new("model", model), new("endpoint", endpoint));
        }
    }

    /// <summary>The first token of a generation was produced <paramref name="elapsed"/> after the request started.</summary>
    public void RecordTimeToFirstToken(string model, TimeSpan elapsed) => _timeToFirstToken.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", model));

    /// <summary>A request waited <paramref name="wait"/> before a slot took it.</summary>
    public void RecordQueueWait(string model, TimeSpan wait) => _queueWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("model", model));

    /// <summary>
    /// The token usage of one finished generation: prompt tokens evaluated, prompt tokens reused from the
    /// KV cache, and completion tokens; <paramref name="decodeTime"/> (when positive) also records tokens/s.
    /// </summary>
    public void RecordTokens(string model, int promptEvaluated, int promptCached, int completion, TimeSpan decodeTime = default)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        AddIfPositive(_promptTokens, promptEvaluated, tag);
        AddIfPositive(_promptTokensCached, promptCached, tag);
        AddIfPositive(_completionTokens, completion, tag);
        if (completion > 0 && decodeTime > TimeSpan.Zero && _tokensPerSecond.Enabled)
        {
            _tokensPerSecond.Record(completion / decodeTime.TotalSeconds, tag);
        }
    }

    /// <summary>
    /// One finished local generation from the engine's usage: time to first token, prompt tokens
    /// evaluated (<c>PromptTokens - CachedPromptTokens</c>) and reused, completion tokens, and decode
    /// throughput over the tokens after the first.
    /// </summary>
    public void RecordGeneration(string model, GenerationUsage usage)
    {
        if (usage.TimeToFirstToken > TimeSpan.Zero)
        {
            RecordTimeToFirstToken(model, usage.TimeToFirstToken);
        }

        var decodeTime = usage.Duration - usage.TimeToFirstToken;
        RecordTokens(model, Math.Max(0, usage.PromptTokens - usage.CachedPromptTokens), usage.CachedPromptTokens, usage.CompletionTokens);
        if (usage.CompletionTokens > 1 && decodeTime > TimeSpan.Zero && _tokensPerSecond.Enabled)
        {
            _tokensPerSecond.Record((usage.CompletionTokens - 1) / decodeTime.TotalSeconds, new KeyValuePair<string, object?>("model", model));
        }
    }

    /// <summary>A response-cache lookup ended with <paramref name="result"/>.</summary>
    public void RecordCacheLookup(CacheLookupResult result) => _cacheRequests.Add(1, new KeyValuePair<string, object?>("result", ResultText(result)));

    /// <summary>The router sent a request of <paramref name="complexity"/> to <paramref name="route"/> (<c>local|cloud|hybrid|cache</c>).</summary>
    public void RecordRouteDecision(string route, string complexity) => _routeDecisions.Add(1, new("route", route), new("complexity", complexity));

    /// <summary>The cost of one answer from the upstream <paramref name="upstream"/>.</summary>
    public void RecordUpstreamCost(string upstream, double usd) => _upstreamCost.Add(usd, new KeyValuePair<string, object?>("upstream", upstream));

    /// <summary>One call to the upstream <paramref name="upstream"/>, by its HTTP status (or <c>circuit_open</c>).</summary>
    public void RecordUpstreamRequest(string upstream, string status) => _upstreamRequests.Add(1, new("upstream", upstream), new("status", status));

    /// <summary>A local answer failed a <c>local_first</c> check (<c>invalid_json</c>, <c>invalid_tool_call</c>, <c>length</c>, <c>empty</c>, <c>repetitive</c>) and went to the cloud.</summary>
    public void RecordEscalation(string reason) => _escalations.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A call upstream failed; <paramref name="kind"/> is a small fixed vocabulary (<c>timeout</c>, <c>http_5xx</c>, <c>connect</c>, ...).</summary>
    public void RecordUpstreamError(string kind) => _upstreamErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Serving a request locally or from the cache avoided an estimated <paramref name="usd"/> of upstream cost.</summary>
    public void RecordCostSaved(double usd)
    {
        if (usd > 0 && double.IsFinite(usd))
        {
            _costSaved.Add(usd);
        }
    }

    /// <summary>The rate limiter rejected a request.</summary>
    public void RecordRateLimited() => _rateLimited.Add(1);

    /// <summary>An alias finished loading (<paramref name="succeeded"/>) or failed to.</summary>
    public void RecordModelLoad(string model, bool succeeded) =>
        _modelLoads.Add(1, new("model", model), new("result", succeeded ? "loaded" : "failed"));

    /// <summary>An alias was unloaded, and why.</summary>
    public void RecordModelUnload(string model, string reason) => _modelUnloads.Add(1, new("model", model), new("reason", reason));

    private static Histogram<double> CreateHistogram(Meter meter, string name, string unit, string description, double[] buckets) =>
        meter.CreateHistogram(name, unit, description, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });

    private static void AddIfPositive(Counter<long> counter, int value, KeyValuePair<string, object?> tag)
    {
        if (value > 0)
        {
            counter.Add(value, tag);
        }
    }

    private static string StatusText(int statusCode) => statusCode.ToString(CultureInfo.InvariantCulture);

    private static string ResultText(CacheLookupResult result) => result switch
    {
        CacheLookupResult.Hit => "hit",
        CacheLookupResult.Miss => "miss",
        CacheLookupResult.Bypass => "bypass",
        _ => "error",
    };
}
