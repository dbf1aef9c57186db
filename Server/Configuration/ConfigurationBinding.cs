using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Configuration;

/// <summary>
/// Reads options from their section: a value of the wrong type is one message naming its key. Services take
/// options through <see cref="OptionsRegistration.AddValidatedOptions"/>; <see cref="Get"/> is for a value needed
/// while the services are being composed, before there is a container to ask.
/// </summary>
internal static class ConfigurationBinding
{
    /// <summary>The options in <paramref name="section"/>, checked as <see cref="OptionsRegistration.AddValidatedOptions"/> checks them, and by <paramref name="validate"/>.</summary>
    /// <param name="validate">More checks, for options whose own <c>Validate</c> lives outside the server (cache, router).</param>
    /// <exception cref="CommandLineException">A value that does not convert, e.g. <c>Server:Port=abc</c>, or every problem the checks found.</exception>
    public static T Get<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>>? validate = null)
        where T : class, new()
    {
        var options = new T();
        Bind(configuration.GetSection(section), options);
        var errors = OptionsErrors.Of(options, section).Concat(validate?.Invoke(options) ?? []).ToList();
        return errors.Count == 0 ? options : throw new CommandLineException($"invalid configuration: {string.Join(" ", errors)}");
    }

    /// <exception cref="CommandLineException">A value in <paramref name="section"/> that does not convert to its property's type.</exception>
    public static void Bind(IConfiguration section, object options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException or OverflowException or ArgumentException)
        {
            throw new CommandLineException($"invalid configuration: {exception.Message}");
        }
    }
}
