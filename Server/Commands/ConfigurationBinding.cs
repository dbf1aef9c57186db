
namespace LocalOpenAi.Server.Commands;

/// <summary>Binds a section before the host exists, turning a value of the wrong type into one clear message.</summary>
internal static class ConfigurationBinding
{
    /// <exception cref="CommandLineException">A value that does not convert, e.g. <c>Server:Port=abc</c>.</exception>
    public static T Get<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException or OverflowException or ArgumentException)
        {
            throw new CommandLineException($"invalid configuration: {exception.Message}");
        }
    }
}
