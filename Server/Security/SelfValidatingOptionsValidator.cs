using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Security;

/// <summary>Fails start-up with all of <see cref="ISelfValidatingOptions.Validate"/>'s errors.</summary>
internal sealed class SelfValidatingOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, ISelfValidatingOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
