using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary><c>multipleOf</c> beyond powers of ten: a grammar cannot divide, so the multiples are listed or read from their last digits.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    /// <summary>Digits of the integers written over an open range: under 2^53, so every client reads them exactly.</summary>
    private const int MultipleDigits = 15;

    /// <summary>
    /// The multiples of <paramref name="divisor"/> in the range: listed when the range holds at most
    /// <see cref="JsonSchemaLimits.MaxEnumValues"/> of them (a step of 0.5 from 0 to 5); for a divisor of 1,000 (2, 5, 25, 50,
    /// ...) over a range open at both ends (or zod's ±2^53-1), integers of up to 15 digits whose last digits make a multiple.
    /// </summary>
    private string Multiples(NumberBound? low, NumberBound? high, decimal divisor, bool integer, string path)
    {
        if (Listed(low, high, divisor, integer) is { } values)
        {
            return values.Count > 0 ? "( " + string.Join(" | ", values.Select(GbnfRuleSet.Literal)) + " )"
                : throw new JsonSchemaException(path, $"no multiple of {Text(divisor)} lies in the range.");
        }

        var widest = IntegerRangeGrammar.Pow10(MultipleDigits) - 1;
        if (divisor == decimal.Floor(divisor) && 1000 % divisor == 0 && (low is null || low.Value.Value <= -widest) && (high is null || high.Value.Value >= widest))
        {
            return LastDigits((int)divisor);
        }

        throw new JsonSchemaException(
            path,
            $"'multipleOf' {Text(divisor)} is supported over a range holding at most {limits.MaxEnumValues} multiples, or for a divisor of 1000 over an open range.",
            unsupported: true);
    }

    /// <summary>The multiples in a closed range, or null when the range is open or holds too many.</summary>
    private List<string>? Listed(NumberBound? low, NumberBound? high, decimal divisor, bool integer)
    {
        if (low is not { } l || high is not { } h)
        {
            return null;
        }

        var first = decimal.Ceiling(l.Value / divisor);
        var last = decimal.Floor(h.Value / divisor);
        if (last - first + 1 > limits.MaxEnumValues * 10)
        {
            return null;
        }

        var values = new List<string>();
        for (var k = first; k <= last; k++)
        {
            var value = k * divisor;
            if ((value > l.Value || (l.Inclusive && value == l.Value)) && (value < h.Value || (h.Inclusive && value == h.Value)) && (!integer || value == decimal.Floor(value)))
            {
                values.Add(Text(value));
            }
        }

        return values.Count <= limits.MaxEnumValues ? values : null;
    }

    /// <summary>0, or an optional minus and either a multiple below 10^k or longer digits ending in a k-digit multiple.</summary>
    private static string LastDigits(int divisor)
    {
        var k = divisor <= 10 && 10 % divisor == 0 ? 1 : divisor <= 100 && 100 % divisor == 0 ? 2 : 3;
        var power = (int)IntegerRangeGrammar.Pow10(k);
        var endings = Enumerable.Range(0, power).Where(r => r % divisor == 0).Select(r => GbnfRuleSet.Literal(r.ToString($"D{k}", CultureInfo.InvariantCulture)));
        var small = Enumerable.Range(1, power - 1).Where(v => v % divisor == 0).Select(v => GbnfRuleSet.Literal(v.ToString(CultureInfo.InvariantCulture)));
        var nonZero = small.Append($"[1-9] [0-9]{{0,{MultipleDigits - 1 - k}}} ( {string.Join(" | ", endings)} )");
        return $"( \"0\" | \"-\"? ( {string.Join(" | ", nonZero)} ) )";
    }

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
