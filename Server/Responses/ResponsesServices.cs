using LocalOpenAi.Server.Configuration;
namespace LocalOpenAi.Server.Responses;

/// <summary>Registers the Responses API's store (section <c>Responses</c>).</summary>
internal static class ResponsesServices
{
    public static IServiceCollection AddResponses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ResponsesOptions>(configuration, ResponsesOptions.Section);
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResponsesOptions>>().Value);
        services.AddSingleton<ResponseStore>();
        return services;
    }
}
