namespace LocalOpenAi.Server.Metrics;

/// <summary><c>GET /metrics</c>: the Prometheus text exposition of every LocalOpenAi instrument.</summary>
public static class MetricsEndpoint
{
    /// <summary>
    /// Maps the scrape endpoint and starts listening right away, so that nothing recorded before the
    /// first scrape is lost.
    /// </summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        _ = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        return endpoints.MapGet(pattern, WriteMetricsAsync).WithName("Metrics").WithTags("Operations").ExcludeFromDescription();
    }

    /// <summary>Records request count and duration for every request; place it before the error middleware.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseMiddleware<RequestMetricsMiddleware>();

    private static Task WriteMetricsAsync(HttpContext context, PrometheusExporter exporter)
    {
        var text = exporter.Scrape();
        context.Response.ContentType = PrometheusExporter.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
