using System.Diagnostics.Metrics;
using System.Text;
using LocalOpenAi.Server.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>A container holding only the metrics services: its own meter factory and registry, so tests stay apart.</summary>
internal sealed class MetricsContainer : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CollectorRegistry _registry;

    public MetricsContainer(Action<MetricsOptions>? configure = null, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddLocalOpenAiMetrics(configure);
        _services = services.BuildServiceProvider();
        _ = _services.GetRequiredService<PrometheusMeterBridge>();
        _registry = _services.GetRequiredService<CollectorRegistry>();
    }

    public LocalOpenAiMetrics Metrics => _services.GetRequiredService<LocalOpenAiMetrics>();

    /// <summary>A meter named like ours, from this container's factory, for instruments made up by a test.</summary>
    public Meter Meter => _services.GetRequiredService<IMeterFactory>().Create(LocalOpenAiMetrics.MeterName);

    /// <summary>The text exposition, as <c>/metrics</c> serves it to a client that asks for no format.</summary>
    public string Scrape()
    {
        using var stream = new MemoryStream();
        _registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _services.Dispose();
}
