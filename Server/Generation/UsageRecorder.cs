using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Server.Tracing;
using LocalOpenAi.Server.Requests;
using LocalOpenAi.Server.Accounting;

namespace LocalOpenAi.Server.Generation;

/// <summary>Where a finished local generation's token counts go: metrics, the cost ledger, the caller's token rate limit.</summary>
internal sealed partial class UsageRecorder(LocalOpenAiMetrics metrics, CostAccounting accounting, TimeProvider time, ILogger<UsageRecorder> logger)
{
    public void Record(HttpContext http, string model, GenerationUsage usage)
    {
        Trace(model, usage);
        metrics.RecordGeneration(model, usage);
        metrics.RecordQueueWait(model, usage.QueueWait);
        accounting.RecordLocal(usage);
        RateLimitUsage.ReportTokens(http, usage.PromptTokens + usage.CompletionTokens);
        RequestTokens.Add(http, usage.PromptTokens + usage.CompletionTokens);
        Log.Generated(logger, RequestIdMiddleware.Get(http), model, usage.PromptTokens, usage.CachedPromptTokens, usage.CompletionTokens,
            usage.QueueWait.TotalMilliseconds, usage.TimeToFirstToken.TotalMilliseconds, usage.Duration.TotalMilliseconds);
    }

    /// <summary>The generation's phases as spans (waiting for a slot, reading the prompt, decoding), laid out back from now.</summary>
    private void Trace(string model, GenerationUsage usage)
    {
        var end = time.GetUtcNow();
        var enqueued = end - usage.Duration;
        var started = enqueued + usage.QueueWait;
        var firstToken = usage.TimeToFirstToken > TimeSpan.Zero ? enqueued + usage.TimeToFirstToken : end;
        CompletionTracing.Phase("queue", enqueued, started, model);
        CompletionTracing.Phase("prompt", started, firstToken, model);
        CompletionTracing.Phase("decode", firstToken, end, model);
        CompletionTracing.TagRequest("localopenai.prompt_tokens", usage.PromptTokens);
        CompletionTracing.TagRequest("localopenai.cached_prompt_tokens", usage.CachedPromptTokens);
        CompletionTracing.TagRequest("localopenai.completion_tokens", usage.CompletionTokens);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug,
            "Request {RequestId} on {Model}: prompt {PromptTokens} tokens ({CachedTokens} cached), completion {CompletionTokens}; queued {QueueMs:F0} ms, first token {TtftMs:F0} ms, total {DurationMs:F0} ms")]
        public static partial void Generated(ILogger logger, string requestId, string model, int promptTokens, int cachedTokens, int completionTokens, double queueMs, double ttftMs, double durationMs);
    }
}
