using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// A GBNF expression for the JSON numbers between two bounds, written without an exponent: an optional
/// <c>-</c>, an integral part of at most 16 digits and at most <c>fractionDigits</c> digits after the point.
/// </summary>
/// <remarks>
/// Each sign is a range of magnitudes. A magnitude's integral part either lies strictly inside the bounds'
/// integral parts (any fraction then) or equals one of them, and then its fraction is compared digit by digit
/// with the bound's, both read as zero-padded, as <see cref="IntegerRangeGrammar"/> compares integers.
/// </remarks>
internal static class DecimalRangeGrammar
{
    /// <summary>The expression, or null when no number so written lies in the range.</summary>
    public static string? Build(NumberBound? low, NumberBound? high, int fractionDigits)
    {
        var parts = new List<string>();
        if (low is null || low.Value.Value < 0)
        {
            // -m for m in [-high, -low]; -0 is written only when 0 is in the range.
            var magnitudeLow = high is null || high.Value.Value > 0 || (high.Value.Value == 0 && high.Value.Inclusive)
                ? (NumberBound?)null
                : new NumberBound(-high.Value.Value, high.Value.Inclusive);
            var magnitudeHigh = low is null ? (NumberBound?)null : new NumberBound(-low.Value.Value, low.Value.Inclusive);
            parts.AddRange(Magnitudes(magnitudeLow, magnitudeHigh, fractionDigits).Select(magnitude => $"\"-\" {magnitude}"));
        }

        if (high is null || high.Value.Value > 0 || (high.Value.Value == 0 && high.Value.Inclusive))
        {
            parts.AddRange(Magnitudes(low is null || low.Value.Value < 0 ? null : low, high, fractionDigits));
        }

        return parts.Count == 0 ? null : IntegerRangeGrammar.Group(parts);
    }

    /// <summary>Unsigned numbers in the range; <paramref name="low"/> null means from 0 inclusive.</summary>
    private static List<string> Magnitudes(NumberBound? low, NumberBound? high, int fractionDigits)
    {
        var (lowIntegral, lowFraction) = Split(low?.Value ?? 0);
        var lowInclusive = low?.Inclusive ?? true;
        var parts = new List<string>();
        if (high is { } h && Split(h.Value) is var (highIntegral, highFraction))
        {
            if (lowIntegral == highIntegral)
            {
                Add(parts, Literal(lowIntegral), Fraction(lowFraction, lowInclusive, highFraction, h.Inclusive, fractionDigits));
                return parts;
            }

            Add(parts, Literal(lowIntegral), Fraction(lowFraction, lowInclusive, null, true, fractionDigits));
            if (lowIntegral + 1 <= highIntegral - 1)
            {
                Add(parts, IntegerRangeGrammar.Group(IntegerRangeGrammar.NonNegative(lowIntegral + 1, highIntegral - 1)), AnyFraction(fractionDigits));
            }

            Add(parts, Literal(highIntegral), Fraction(null, true, highFraction, h.Inclusive, fractionDigits));
            return parts;
        }

        Add(parts, Literal(lowIntegral), Fraction(lowFraction, lowInclusive, null, true, fractionDigits));
        if (lowIntegral < IntegerRangeGrammar.Limit)
        {
            Add(parts, IntegerRangeGrammar.Group(IntegerRangeGrammar.NonNegative(lowIntegral + 1, null)), AnyFraction(fractionDigits));
        }

        return parts;
    }

    /// <summary>
    /// The digit strings of length 0 to <paramref name="length"/> that lie between two fractions (null: unbounded), all read as
    /// zero-padded: whether the empty string is one, and the expressions for the others.
    /// </summary>
    private static (bool Empty, List<string> Longer) Fraction(string? low, bool lowInclusive, string? high, bool highInclusive, int length)
    {
        var empty = (low is null || (lowInclusive && low.All(c => c == '0'))) && (high is null || highInclusive || high.Any(c => c != '0'));
        var longer = new List<string>();
        if (length == 0)
        {
            return (empty, longer);
        }

        if (low is null && high is null)
        {
            longer.Add($"[0-9]{{1,{length}}}");
            return (empty, longer);
        }

        var lowDigit = low is null ? -1 : First(low);
        var highDigit = high is null ? 10 : First(high);
        var lowRest = low is null ? null : Rest(low);
        var highRest = high is null ? null : Rest(high);
        if (lowDigit == highDigit)
        {
            Append(longer, $"\"{lowDigit}\"", Fraction(lowRest, lowInclusive, highRest, highInclusive, length - 1));
            return (empty, longer);
        }

        if (lowDigit >= 0)
        {
            Append(longer, $"\"{lowDigit}\"", Fraction(lowRest, lowInclusive, null, true, length - 1));
        }

        if (lowDigit + 1 <= highDigit - 1)
        {
            Append(longer, Class(lowDigit + 1, highDigit - 1), (true, length > 1 ? [$"[0-9]{{1,{length - 1}}}"] : []));
        }

        if (highDigit <= 9)
        {
            Append(longer, $"\"{highDigit}\"", Fraction(null, true, highRest, highInclusive, length - 1));
        }

        return (empty, longer);
    }

    private static void Append(List<string> alternatives, string digit, (bool Empty, List<string> Longer) rest)
    {
        if (rest.Longer.Count == 0)
        {
            if (rest.Empty)
            {
                alternatives.Add(digit);
            }

            return;
        }

        alternatives.Add(rest.Empty ? $"{digit} ( {string.Join(" | ", rest.Longer)} )?" : $"{digit} {IntegerRangeGrammar.Group(rest.Longer)}");
    }

    private static void Add(List<string> parts, string integral, (bool Empty, List<string> Longer) fraction)
    {
        if (fraction.Longer.Count > 0)
        {
            parts.Add($"{integral} ( \".\" {IntegerRangeGrammar.Group(fraction.Longer)} ){(fraction.Empty ? "?" : string.Empty)}");
        }
        else if (fraction.Empty)
        {
            parts.Add(integral);
        }
    }

    private static (bool Empty, List<string> Longer) AnyFraction(int length) => Fraction(null, true, null, true, length);

    private static (long Integral, string Fraction) Split(decimal value)
    {
        var integral = decimal.Floor(value);
        var fraction = (value - integral).ToString(CultureInfo.InvariantCulture);
        return ((long)integral, fraction.Contains('.') ? fraction[(fraction.IndexOf('.') + 1)..].TrimEnd('0') : string.Empty);
    }

    private static int First(string digits) => digits.Length == 0 ? 0 : digits[0] - '0';

    private static string Rest(string digits) => digits.Length == 0 ? string.Empty : digits[1..];

    private static string Class(int from, int to) => from == to ? $"\"{from}\"" : $"[{from}-{to}]";

    private static string Literal(long value) => $"\"{value.ToString(CultureInfo.InvariantCulture)}\"";
}
