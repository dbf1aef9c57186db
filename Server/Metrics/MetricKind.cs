namespace LocalOpenAi.Server.Metrics;

/// <summary>The Prometheus metric type a family is exposed as.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
