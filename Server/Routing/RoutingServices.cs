using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Routing;

/// <summary>Registers the router (section <c>Router</c>, <c>--strategy</c>), the cost ledger and the completion pipeline.</summary>
public static class RoutingServices
{
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RouterOptions.Section).Get<RouterOptions>() ?? new RouterOptions();
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("Invalid router configuration: " + string.Join("; ", errors));
        }

        services.AddSingleton(options);
        services.AddSingleton(new RequestRouter(options));
        services.AddSingleton(new CostLedger(options));
        services.AddSingleton<CostAccounting>();
        services.AddSingleton<UsageRecorder>();
        services.AddSingleton(provider => new CompletionPipeline(
            provider.GetRequiredService<Caching.ResponseCaching>(),
            provider.GetRequiredService<RequestRouter>(),
            provider.GetRequiredService<CostAccounting>(),
            provider.GetRequiredService<Models.Loading.ModelManager>(),
            provider.GetRequiredService<Feedback.ExchangeRecorder>(),
            provider.GetRequiredService<Metrics.LocalOpenAiMetrics>(),
            provider.GetRequiredService<ILogger<CompletionPipeline>>())
        {
            Upstream = provider.GetService<UpstreamForwarder>(),
        });
        return services;
    }
}
