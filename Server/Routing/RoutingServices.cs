using LocalOpenAi.Cache;
using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Caching;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Shadow;
using LocalOpenAi.Server.Upstream;
using LocalOpenAi.Server.Accounting;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Routing;

/// <summary>
/// Registers the router (section <c>Router</c>, <c>--strategy</c>), the cost ledger and the one
/// completion backend every front-end calls: recording → routing → (cache → local | cache → upstream).
/// </summary>
internal static class RoutingServices
{
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ConfigurationBinding.Get<RouterOptions>(configuration, RouterOptions.Section, router => router.Validate());
        services.AddSingleton(options);
        services.AddSingleton(new RequestRouter(options));
        services.AddSingleton(new CostLedger(options));
        services.AddSingleton<CostAccounting>();
        services.AddSingleton<UsageRecorder>();
        services.AddSingleton<ModelNameCheck>();
        services.AddSingleton<ICompletionBackend>(Compose);
        return services;
    }

    private static ICompletionBackend Compose(IServiceProvider provider)
    {
        var accounting = provider.GetRequiredService<CostAccounting>();
        var upstreams = provider.GetRequiredService<UpstreamSet>();
        ICompletionBackend Cached(ICompletionBackend inner) => new CachingBackend(
            inner,
            provider.GetRequiredService<IResponseCacheStore>(),
            provider.GetRequiredService<CachePolicy>(),
            provider.GetRequiredService<CacheOptions>(),
            provider.GetRequiredService<LocalOpenAiMetrics>(),
            accounting,
            provider.GetRequiredService<TimeProvider>());

        var local = Cached(new LocalBackend(provider.GetRequiredService<ModelManager>(), provider.GetRequiredService<UsageRecorder>()));
        ICompletionBackend Leaf(NamedUpstream upstream) => upstream.Forwarder.Kind == UpstreamKind.Anthropic
            ? new AnthropicUpstreamBackend(upstream.Forwarder, accounting, provider.GetRequiredService<TimeProvider>(), upstream.Name)
            : new UpstreamBackend(upstream.Forwarder, accounting, upstream.Name);
        var chain = upstreams.IsConfigured
            ? new UpstreamChainBackend([.. upstreams.All.Select(upstream => new UpstreamLink(upstream.Name, upstream.Forwarder, Leaf(upstream)))], provider.GetRequiredService<LocalOpenAiMetrics>())
            : null;
        var cloud = chain is null ? null : Cached(chain);
        var routing = new RoutingBackend(
            local,
            cloud,
            provider.GetRequiredService<RequestRouter>(),
            accounting,
            provider.GetRequiredService<ModelManager>(),
            provider.GetRequiredService<LocalOpenAiMetrics>(),
            provider.GetRequiredService<ILogger<RoutingBackend>>())
        {
            Upstreams = upstreams,
            Shadow = chain is null ? null : new ShadowEvaluator(
                chain,
                provider.GetRequiredService<ShadowOptions>(),
                provider.GetRequiredService<LocalOpenAiMetrics>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ShadowEvaluator>>()),
        };
        return new RecordingBackend(routing, provider.GetRequiredService<ExchangeRecorder>());
    }
}
