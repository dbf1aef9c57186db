using LocalOpenAi.Server.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace LocalOpenAi.Server.Metrics;

/// <summary>Registers <see cref="LocalOpenAiMetrics"/> and their Prometheus exposition.</summary>
internal static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the instruments, a prometheus-net registry of this container's own (with the .NET runtime and
    /// process metrics unless <see cref="MetricsOptions.ProcessMetrics"/> is off) that the instruments are published in (options from the <c>Metrics</c> configuration
    /// section), <see cref="TimeProvider.System"/> unless a time provider is registered already, and the
    /// dashboard's list of recent requests.
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
        services.TryAddSingleton(provider => NewRegistry(provider.GetRequiredService<IOptions<MetricsOptions>>().Value));
        services.TryAddSingleton<PrometheusMeterBridge>();
        services.TryAddSingleton<RecentRequests>();
        return services;
    }

    private static CollectorRegistry NewRegistry(MetricsOptions options)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        if (options.ProcessMetrics)
        {
            DotNetStats.Register(registry);
        }

        return registry;
    }
}
