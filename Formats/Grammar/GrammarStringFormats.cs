using System.Text.RegularExpressions;
using Json.Schema;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// The <c>format</c>s <see cref="JsonSchemaGrammar"/> constrains (<see cref="GbnfPrimitives"/>, and <see cref="Patterns"/>),
/// as JsonSchema.Net formats that accept exactly what the grammar writes.
/// </summary>
/// <remarks>
/// The library's own date formats reject dates the grammar produces (year 0000, 30 February) and throw on
/// a year-0000 <c>date-time</c>; a constrained answer must not fail validation for what its grammar allowed.
/// </remarks>
internal static partial class GrammarStringFormats
{
    private const string Date = @"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    private const string Time = @"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])";

    private const string Label = "[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,2}";
    private const string Octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private const string Email = $"^[A-Za-z0-9]{{1,20}}([._+-][A-Za-z0-9]{{1,20}}){{0,2}}@{Label}(\\.{Label}){{0,3}}\\.[a-z]{{2,12}}$";
    private const string Hostname = $"^{Label}(\\.{Label}){{0,4}}$";
    private const string Url = $"^https?://{Label}(\\.{Label}){{0,4}}(/[A-Za-z0-9._~-]{{1,40}}){{0,8}}/?$";

    /// <summary>
    /// The standard formats written as a pattern: each writes a plain, common subset of its format, bounded in length (an
    /// http or https URL, lowercase host labels of up to 62 characters, a full eight-group IPv6 address, an ISO 8601
    /// duration with every part from days to seconds), so that what the grammar writes is valid by any reading of it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Patterns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email"] = Email,
        ["hostname"] = Hostname,
        ["ipv4"] = $"^({Octet}\\.){{3}}{Octet}$",
        ["ipv6"] = "^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){7}$",
        ["duration"] = "^P[0-9]{1,4}DT[0-9]{1,2}H[0-9]{1,2}M[0-9]{1,2}S$",
        ["uri"] = Url,
        ["url"] = Url,
        ["uri-reference"] = Url,
        ["iri"] = Url,
        ["iri-reference"] = Url,
        ["uri-template"] = Url,
        ["idn-email"] = Email,
        ["idn-hostname"] = Hostname,
        ["json-pointer"] = "^(/[a-z0-9_]{1,20}){0,8}$",
        ["relative-json-pointer"] = "^[0-9]{1,3}(/[a-z0-9_]{1,20}){0,8}$",
        ["regex"] = "^[A-Za-z0-9]{1,40}$",
    };

    /// <summary>A registry holding the four primitive formats; the library's global one answers for the others.</summary>
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
