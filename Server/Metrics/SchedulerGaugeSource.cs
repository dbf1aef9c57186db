namespace LocalOpenAi.Server.Metrics;

/// <summary>The callbacks one model's scheduler registered for the queue, slot and KV-cache gauges.</summary>
internal sealed record SchedulerGaugeSource(string Model, Func<int> QueueDepth, Func<int> BusySlots, Func<double> KvCacheUsage);
