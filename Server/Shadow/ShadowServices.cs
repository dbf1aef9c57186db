using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Shadow;

/// <summary>Binds and validates the <c>Shadow</c> section at start-up.</summary>
internal static class ShadowServices
{
    public static IServiceCollection AddShadow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShadowOptions>().Bind(configuration.GetSection(ShadowOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ShadowOptions>>().Value);
        return services;
    }
}
