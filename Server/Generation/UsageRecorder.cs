using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Security;

namespace LocalOpenAi.Server.Generation;

/// <summary>Where a finished local generation's token counts go: metrics, the cost ledger, the caller's token rate limit.</summary>
public sealed class UsageRecorder(LocalOpenAiMetrics metrics, CostAccounting accounting)
{
    public void Record(HttpContext http, string model, GenerationUsage usage)
    {
        metrics.RecordGeneration(model, usage);
        metrics.RecordQueueWait(model, usage.QueueWait);
        accounting.RecordLocal(usage);
        RateLimitUsage.ReportTokens(http, usage.PromptTokens + usage.CompletionTokens);
    }
}
