using Prometheus;

namespace LocalOpenAi.Server.Metrics;

/// <summary><c>GET /metrics</c>: prometheus-net's exposition of every LocalOpenAi instrument, its HTTP metrics and the .NET runtime and process metrics.</summary>
internal static class MetricsEndpoint
{
    /// <summary>
    /// Maps the scrape endpoint and starts publishing the instruments right away, so that nothing
    /// recorded before the first scrape is lost.
    /// </summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        _ = endpoints.ServiceProvider.GetRequiredService<PrometheusMeterBridge>();
        var registry = endpoints.ServiceProvider.GetRequiredService<CollectorRegistry>();
        return MetricServerMiddlewareExtensions.MapMetrics(endpoints, settings => settings.Registry = registry, pattern)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .WithName("Metrics").WithTags("Operations").ExcludeFromDescription();
    }

    /// <summary>
    /// Records request count and duration for every request, ours (<see cref="RequestMetricsMiddleware"/>)
    /// and prometheus-net's <c>http_*</c> metrics; place it before the error middleware.
    /// </summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var registry = app.ApplicationServices.GetRequiredService<CollectorRegistry>();
        return app.UseMiddleware<RequestMetricsMiddleware>()
            .UseHttpMetrics(options => options.SetMetricFactory(Prometheus.Metrics.WithCustomRegistry(registry)));
    }
}
