using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Upstream;

/// <summary>Registers the upstream forwarder and its options.</summary>
internal static class UpstreamServiceCollectionExtensions
{
    /// <summary>Binds <c>Upstream</c>, validates it at start-up and adds the <see cref="UpstreamForwarder"/> singleton.</summary>
    /// <remarks>Needs <c>LocalOpenAiMetrics</c> (<c>AddLocalOpenAiMetrics</c>).</remarks>
    public static IServiceCollection AddUpstream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpstreamOptions>().Bind(configuration.GetSection(UpstreamOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstreamOptions>, UpstreamOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UpstreamForwarder>();
        return services;
    }
}
