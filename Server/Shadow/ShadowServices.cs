using Microsoft.Extensions.Options;
using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Shadow;

/// <summary>Binds and validates the <c>Shadow</c> section at start-up.</summary>
internal static class ShadowServices
{
    public static IServiceCollection AddShadow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ShadowOptions>(configuration, ShadowOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ShadowOptions>>().Value);
        return services;
    }
}
