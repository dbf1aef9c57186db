using System.Globalization;
using System.Text;

namespace LocalOpenAi.Server.Metrics;

/// <summary>The lexical rules of the Prometheus text format 0.0.4: names, escaping and numbers.</summary>
internal static class PrometheusSyntax
{
    /// <summary>A metric name matching <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; other characters become <c>_</c>.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>A label name matching <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; other characters become <c>_</c>.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>Appends a label value with <c>\</c>, <c>"</c> and line feeds escaped.</summary>
    public static void AppendLabelValue(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>Appends HELP text with <c>\</c> and line feeds escaped.</summary>
    public static void AppendHelp(StringBuilder builder, string help)
    {
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>A sample value as Prometheus parses it: shortest round-trip, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var valid = true;
        for (var i = 0; i < name.Length && valid; i++)
        {
            valid = IsValid(name[i], i == 0, allowColon);
        }

        if (valid)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(IsValid(c, first: false, allowColon) ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsValid(char c, bool first, bool allowColon) =>
        char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (!first && char.IsAsciiDigit(c));
}
