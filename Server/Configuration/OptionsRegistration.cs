using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Configuration;

/// <summary>The one way options are registered: bound from their section, checked by their data annotations and their own <see cref="ISelfValidatingOptions.Validate"/>, at start.</summary>
internal static class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SelfValidatingOptionsValidator<TOptions>>());
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }
}
