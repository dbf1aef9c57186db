using System.Globalization;
using System.Text;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>A pattern's character class: code point ranges, negated or not.</summary>
internal sealed record CharacterSet(bool Negated, List<(int From, int To)> Ranges)
{
    /// <summary>
    /// The GBNF for a positive set inside a JSON string: the characters JSON writes as they are in one class, and the
    /// quote, backslash and control characters as the escapes JSON writes for them. Surrogates and DEL are left out.
    /// </summary>
    public string Positive()
    {
        var plain = new List<(int From, int To)>();
        var escaped = new SortedSet<int>();
        foreach (var (from, to) in Ranges)
        {
            var start = from;
            for (var c = from; c <= to && c <= 0x7F; c++)
            {
                if (c is < 0x20 or '"' or '\\' or 0x7F)
                {
                    if (c > start)
                    {
                        plain.Add((start, c - 1));
                    }

                    if (c != 0x7F)
                    {
                        escaped.Add(c);
                    }

                    start = c + 1;
                }
            }

            AddOutsideSurrogates(plain, start, to);
        }

        var parts = new List<string>();
        if (plain.Count > 0)
        {
            parts.Add("[" + string.Concat(plain.Select(r => r.From == r.To ? ClassCharacter(r.From) : $"{ClassCharacter(r.From)}-{ClassCharacter(r.To)}")) + "]");
        }

        parts.AddRange(escaped.Select(c => GbnfRuleSet.Literal(JsonEscape(c))));
        return parts.Count switch
        {
            0 => throw new FormatException("a class that writes no character is not supported."),
            1 => parts[0],
            _ => "( " + string.Join(" | ", parts) + " )",
        };
    }

    /// <summary>A code point as GBNF writes it inside a class.</summary>
    public static string ClassCharacter(int c) =>
        char.IsAsciiLetterOrDigit((char)Math.Min(c, 0x7F)) && c < 0x80 ? ((char)c).ToString()
            : c <= 0xFF ? $"\\x{c.ToString("X2", CultureInfo.InvariantCulture)}"
            : c <= 0xFFFF ? $"\\u{c.ToString("X4", CultureInfo.InvariantCulture)}"
            : $"\\U{c.ToString("X8", CultureInfo.InvariantCulture)}";

    private static void AddOutsideSurrogates(List<(int From, int To)> plain, int from, int to)
    {
        if (from > to)
        {
            return;
        }

        if (to < 0xD800 || from > 0xDFFF)
        {
            plain.Add((from, to));
            return;
        }

        if (from < 0xD800)
        {
            plain.Add((from, 0xD7FF));
        }

        if (to > 0xDFFF)
        {
            plain.Add((0xE000, to));
        }
    }

    private static string JsonEscape(int c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => new StringBuilder("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture)).ToString(),
    };
}
