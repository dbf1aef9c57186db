using System.ComponentModel.DataAnnotations;

namespace LocalOpenAi.Server.Configuration;

/// <summary>Every problem with bound options, each naming its configuration key: their data annotations, then their own <see cref="ISelfValidatingOptions.Validate"/>.</summary>
internal static class OptionsErrors
{
    public static IReadOnlyList<string> Of(object options, string section)
    {
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), annotations, validateAllProperties: true);
        return
        [
            .. annotations.Select(result => $"{section}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}"),
            .. options is ISelfValidatingOptions self ? self.Validate() : [],
        ];
    }
}
