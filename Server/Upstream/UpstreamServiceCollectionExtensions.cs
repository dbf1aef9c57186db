using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Registers the upstream forwarders (<c>Upstream</c> and every <c>Upstreams:NAME</c>) and their options.</summary>
internal static class UpstreamServiceCollectionExtensions
{
    /// <summary>Binds <c>Upstream</c>, validates it at start-up and adds the <see cref="UpstreamForwarder"/> singleton.</summary>
    /// <remarks>Needs <c>LocalOpenAiMetrics</c> (<c>AddLocalOpenAiMetrics</c>).</remarks>
    public static IServiceCollection AddUpstream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<UpstreamOptions>(configuration, UpstreamOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstreamOptions>, UpstreamOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.PostConfigure<UpstreamOptions>(options => options.Key = options.ResolveKey());
        services.TryAddSingleton<UpstreamForwarder>();
        services.TryAddSingleton(provider => new UpstreamSet(
            provider.GetRequiredService<UpstreamForwarder>(),
            configuration,
            provider.GetRequiredService<Metrics.LocalOpenAiMetrics>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
