using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Configuration;

/// <summary>Fails start-up with all of <see cref="OptionsErrors"/>'s errors for options bound from <paramref name="section"/>.</summary>
internal sealed class SectionOptionsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        OptionsErrors.Of(options, section) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
