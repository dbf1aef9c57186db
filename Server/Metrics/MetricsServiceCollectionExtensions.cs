using LocalOpenAi.Server.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LocalOpenAi.Server.Metrics;

/// <summary>Registers <see cref="LocalOpenAiMetrics"/> and the Prometheus exporter.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the instruments, the exporter (options from the <c>Metrics</c> configuration section) and
    /// <see cref="TimeProvider.System"/> unless a time provider is registered already, and the dashboard's list of recent requests.
    /// </summary>
    public static IServiceCollection AddLocalOpenAiMetrics(this IServiceCollection services, Action<MetricsOptions>? configure = null)
    {
        services.AddMetrics();
        var options = services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalOpenAiMetrics>();
        services.TryAddSingleton<PrometheusExporter>();
        services.TryAddSingleton<RecentRequests>();
        return services;
    }
}
