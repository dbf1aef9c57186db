using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Configuration;

/// <summary>Fails start-up with all of <see cref="ISelfValidatingOptions.Validate"/>'s errors, for options that list their own.</summary>
internal sealed class SelfValidatingOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        options is ISelfValidatingOptions self && self.Validate() is { Count: > 0 } errors
            ? ValidateOptionsResult.Fail(errors)
            : ValidateOptionsResult.Success;
}
