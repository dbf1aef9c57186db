using System.CommandLine.Parsing;
using System.Globalization;

namespace LocalOpenAi.Server.Commands;

/// <summary>Parsers for subcommand options that must be numbers within a range; a bad value is a parse error (exit 2), not an exception.</summary>
internal static class OptionValues
{
    public static int? Integer(ArgumentResult result, int minimum, int maximum = int.MaxValue)
    {
        var text = result.Tokens is [.., var last] ? last.Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError(Name(result) + (maximum == int.MaxValue ? $" expects a whole number of at least {minimum}, not '{text}'." : $" expects a whole number from {minimum} to {maximum}, not '{text}'."));
        return null;
    }

    /// <summary>A finite number above <paramref name="exclusiveMinimum"/> and below <paramref name="exclusiveMaximum"/>.</summary>
    public static double? Number(ArgumentResult result, double exclusiveMinimum, double exclusiveMaximum = double.PositiveInfinity)
    {
        var text = result.Tokens is [.., var last] ? last.Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > exclusiveMinimum && value < exclusiveMaximum)
        {
            return value;
        }

        result.AddError(Name(result) + (double.IsPositiveInfinity(exclusiveMaximum)
            ? FormattableString.Invariant($" expects a number above {exclusiveMinimum}, not '{text}'.")
            : FormattableString.Invariant($" expects a number between {exclusiveMinimum} and {exclusiveMaximum}, not '{text}'.")));
        return null;
    }

    private static string Name(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
}
