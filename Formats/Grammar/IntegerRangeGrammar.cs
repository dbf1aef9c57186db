using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// A GBNF expression for the decimal integers in <c>[min, max]</c> (either end open), built digit
/// position by digit position so that exactly the range is matched, with no leading zeros.
/// </summary>
internal static class IntegerRangeGrammar
{
    /// <summary>The most digits of an integer (and of a number's integral part) the grammar writes.</summary>
    public const int MaxDigits = 16;

    /// <summary>The largest magnitude the grammar writes: a bound beyond it constrains nothing, or excludes everything.</summary>
    public const long Limit = 9_999_999_999_999_999;

    public static string Build(long? min, long? max)
    {
        var parts = new List<string>();
        if (min is null || min < 0)
        {
            // -n for n in [max(1, -max), -min].
            var low = max is < 0 ? -max.Value : 1;
            parts.Add("\"-\" " + Group(NonNegative(low, min is null ? null : -min.Value)));
        }

        if (max is null || max >= 0)
        {
            parts.Add(Group(NonNegative(Math.Max(min ?? 0, 0), max)));
        }

        return Group(parts);
    }

    /// <summary>The alternatives for <c>[low, high]</c> with <c>0 &lt;= low</c>; <paramref name="high"/> null means unbounded.</summary>
    internal static List<string> NonNegative(long low, long? high)
    {
        var parts = new List<string>();
        var lowDigits = Digits(low);
        var highDigits = high is null ? MaxDigits : Digits(high.Value);
        for (var digits = lowDigits; digits <= highDigits; digits++)
        {
            var from = Math.Max(low, digits == 1 ? 0 : Pow10(digits - 1));
            if (high is null && from == Pow10(digits - 1) && digits > 1)
            {
                // Everything from here on: a leading non-zero digit and up to MaxDigits digits in all.
                parts.Add($"[1-9] [0-9]{{{digits - 1},{MaxDigits - 1}}}");
                break;
            }

            var to = high is null || digits < highDigits ? Pow10(digits) - 1 : high.Value;
            parts.AddRange(SameLength(Text(from, digits), Text(to, digits)));
        }

        return parts;
    }

    /// <summary>Numbers between two digit strings of equal length.</summary>
    private static List<string> SameLength(string low, string high)
    {
        if (low.Length == 0)
        {
            return [string.Empty];
        }

        if (low[0] == high[0])
        {
            return [.. SameLength(low[1..], high[1..]).Select(rest => Join($"\"{low[0]}\"", rest))];
        }

        var tail = low.Length - 1;
        var lowRestIsZeros = low[1..].All(c => c == '0');
        var highRestIsNines = high[1..].All(c => c == '9');
        var parts = new List<string>();
        var firstFull = lowRestIsZeros ? low[0] : (char)(low[0] + 1);
        var lastFull = highRestIsNines ? high[0] : (char)(high[0] - 1);
        if (!lowRestIsZeros)
        {
            parts.AddRange(SameLength(low[1..], new string('9', tail)).Select(rest => Join($"\"{low[0]}\"", rest)));
        }

        if (firstFull <= lastFull)
        {
            parts.Add(Join(firstFull == lastFull ? $"\"{firstFull}\"" : $"[{firstFull}-{lastFull}]", tail == 0 ? string.Empty : $"[0-9]{{{tail}}}"));
        }

        if (!highRestIsNines)
        {
            parts.AddRange(SameLength(new string('0', tail), high[1..]).Select(rest => Join($"\"{high[0]}\"", rest)));
        }

        return parts;
    }

    private static string Join(string head, string rest) => rest.Length == 0 ? head : $"{head} {rest}";

    /// <summary>Alternatives as one GBNF item: the only one bare, several in parentheses.</summary>
    internal static string Group(List<string> parts) => parts.Count == 1 ? parts[0] : "( " + string.Join(" | ", parts) + " )";

    private static int Digits(long value) => value.ToString(CultureInfo.InvariantCulture).Length;

    internal static long Pow10(int exponent) => (long)Math.Pow(10, exponent);

    private static string Text(long value, int digits) => value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
}
