using System.Diagnostics.Metrics;
using LocalOpenAi.Server.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>A container holding only the metrics services: its own meter factory, so tests stay apart.</summary>
internal sealed class MetricsContainer : IDisposable
{
    private readonly ServiceProvider _services;

    public MetricsContainer(Action<MetricsOptions>? configure = null, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddLocalOpenAiMetrics(configure);
        _services = services.BuildServiceProvider();
        Exporter = _services.GetRequiredService<PrometheusExporter>();
    }

    public PrometheusExporter Exporter { get; }

    public LocalOpenAiMetrics Metrics => _services.GetRequiredService<LocalOpenAiMetrics>();

    /// <summary>A meter named like ours, from this container's factory, for instruments made up by a test.</summary>
    public Meter Meter => _services.GetRequiredService<IMeterFactory>().Create(LocalOpenAiMetrics.MeterName);

    public string Scrape() => Exporter.Scrape();

    public void Dispose() => _services.Dispose();
}
