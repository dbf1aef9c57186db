using System.Diagnostics.Metrics;
using LocalOpenAi.Server.Metrics;

namespace LocalOpenAi.Server.Security;

/// <summary>The rate-limit store's own counter, on the LocalOpenAi meter so that <c>/metrics</c> shows it.</summary>
internal sealed class RateLimitStoreMetrics(IMeterFactory meterFactory)
{
    private readonly Counter<long> _fallbacks = meterFactory.Create(LocalOpenAiMetrics.MeterName)
        .CreateCounter<long>("localopenai_rate_limit_store_fallbacks_total", "{update}", "Rate-limit updates counted locally because Redis was unavailable.");

    public void RecordFallback() => _fallbacks.Add(1);
}
