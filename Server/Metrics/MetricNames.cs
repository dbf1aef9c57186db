namespace LocalOpenAi.Server.Metrics;

/// <summary>The instrument names SPEC.md fixes; they are also the Prometheus metric names.</summary>
internal static class MetricNames
{
    public const string Requests = "localopenai_requests_total";
    public const string RequestDuration = "localopenai_request_duration_seconds";
    public const string TimeToFirstToken = "localopenai_time_to_first_token_seconds";
    public const string PromptTokens = "localopenai_prompt_tokens_total";
    public const string PromptTokensCached = "localopenai_prompt_tokens_cached_total";
    public const string CompletionTokens = "localopenai_completion_tokens_total";
    public const string CacheRequests = "localopenai_cache_requests_total";
    public const string RouteDecisions = "localopenai_route_decisions_total";
    public const string UpstreamErrors = "localopenai_upstream_errors_total";
    public const string CostSaved = "localopenai_cost_saved_usd_total";
    public const string QueueDepth = "localopenai_queue_depth";
    public const string SlotsBusy = "localopenai_slots_busy";
    public const string KvCacheUsage = "localopenai_kv_cache_usage_ratio";
    public const string RateLimited = "localopenai_rate_limited_total";
    public const string RouterEscalations = "localopenai_router_escalations_total";
    public const string UpstreamRequests = "localopenai_upstream_requests_total";
    public const string UpstreamCost = "localopenai_upstream_cost_usd_total";
    public const string ShadowAgreement = "localopenai_shadow_agreement_ratio";

    public const string ModelLoads = "localopenai_model_loads_total";

    public const string ModelUnloads = "localopenai_model_unloads_total";
    public const string QueueWait = "localopenai_queue_wait_seconds";
    public const string TokensPerSecond = "localopenai_tokens_per_second";
}
