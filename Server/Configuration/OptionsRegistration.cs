using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Configuration;

/// <summary>
/// The one way options are registered: bound from their section by <see cref="ConfigurationBinding.Bind"/>, checked
/// by <see cref="OptionsErrors"/> (data annotations and <see cref="ISelfValidatingOptions.Validate"/>, each error naming its key), at start.
/// </summary>
internal static class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionOptionsValidator<TOptions>(section)));
        return services.AddOptions<TOptions>().Configure(options => ConfigurationBinding.Bind(configuration.GetSection(section), options)).ValidateOnStart();
    }
}
