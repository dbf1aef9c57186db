using System.Text.RegularExpressions;
using Json.Schema;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// The <c>format</c>s <see cref="JsonSchemaGrammar"/> constrains (<see cref="GbnfPrimitives"/>), as
/// JsonSchema.Net formats that accept exactly what the grammar writes.
/// </summary>
/// <remarks>
/// The library's own date formats reject dates the grammar produces (year 0000, 30 February) and throw on
/// a year-0000 <c>date-time</c>; a constrained answer must not fail validation for what its grammar allowed.
/// </remarks>
internal static partial class GrammarStringFormats
{
    private const string Date = @"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    private const string Time = @"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])";

    /// <summary>A registry holding the four formats; the library's global one answers for the others.</summary>
    public static FormatRegistry Registry()
    {
        var registry = new FormatRegistry();
        registry.Register(new RegexFormat("date", DateRegex()));
        registry.Register(new RegexFormat("time", TimeRegex()));
        registry.Register(new RegexFormat("date-time", DateTimeRegex()));
        registry.Register(new RegexFormat("uuid", UuidRegex()));
        return registry;
    }

    [GeneratedRegex("^" + Date + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex("^" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex("^" + Date + "T" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
