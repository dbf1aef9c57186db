using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Integers and numbers: bounds, exclusive or not (draft 4's boolean form too), and <c>multipleOf</c>.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    /// <summary>The most digits the grammar writes after a number's point.</summary>
    private const int MaxFractionDigits = 16;

    /// <summary>The first magnitude the grammar cannot write (<see cref="IntegerRangeGrammar.MaxDigits"/> integral digits).</summary>
    private const decimal Unwritable = 10_000_000_000_000_000m;

    private string NumberExpression(JsonElement schema, string path)
    {
        var (low, high) = Bounds(schema, path);
        var divisor = Divisor(schema, path);
        if (FractionDigits(divisor, integer: false) is not { } fractionDigits)
        {
            return Multiples(low, high, divisor!.Value, integer: false, path);
        }

        if (low is null && high is null && fractionDigits == MaxFractionDigits)
        {
            return GbnfPrimitives.Use(_rules, "number");
        }

        return DecimalRangeGrammar.Build(low, high, fractionDigits)
            ?? throw new JsonSchemaException(path, $"no number with at most {fractionDigits} digits after the point lies in the range.");
    }

    private string IntegerExpression(JsonElement schema, string path)
    {
        var (low, high) = Bounds(schema, path);
        var divisor = Divisor(schema, path);
        if (FractionDigits(divisor, integer: true) is null)
        {
            return Multiples(low, high, divisor!.Value, integer: true, path);
        }

        long? min = low is { } l ? (long)(l.Inclusive ? decimal.Ceiling(l.Value) : decimal.Floor(l.Value) + 1) : null;
        long? max = high is { } h ? (long)(h.Inclusive ? decimal.Floor(h.Value) : decimal.Ceiling(h.Value) - 1) : null;
        if (min is null && max is null)
        {
            return GbnfPrimitives.Use(_rules, "integer");
        }

        if (min > max || min > IntegerRangeGrammar.Limit || max < -IntegerRangeGrammar.Limit)
        {
            throw new JsonSchemaException(path, "the integer range is empty.");
        }

        return IntegerRangeGrammar.Build(min, max);
    }

    /// <summary>The range the keywords allow; an end beyond what the grammar writes is open.</summary>
    private static (NumberBound? Low, NumberBound? High) Bounds(JsonElement schema, string path)
    {
        var low = NumberBound.TighterLow(
            Bound(schema, "minimum", path, inclusive: !DraftFourExclusive(schema, "exclusiveMinimum"), lower: true),
            Bound(schema, "exclusiveMinimum", path, inclusive: false, lower: true));
        var high = NumberBound.TighterHigh(
            Bound(schema, "maximum", path, inclusive: !DraftFourExclusive(schema, "exclusiveMaximum"), lower: false),
            Bound(schema, "exclusiveMaximum", path, inclusive: false, lower: false));
        if (NumberBound.IsEmpty(low, high) || low?.Value >= Unwritable || high?.Value <= -Unwritable)
        {
            throw new JsonSchemaException(path, "the number range is empty.");
        }

        return (low?.Value <= -Unwritable ? null : low, high?.Value >= Unwritable ? null : high);
    }

    private static NumberBound? Bound(JsonElement schema, string keyword, string path, bool inclusive, bool lower)
    {
        if (!schema.TryGetProperty(keyword, out var value) || value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new JsonSchemaException(path, $"'{keyword}' must be a number.");
        }

        // A bound too large for a decimal is far beyond anything the grammar writes; one too small reads as 0, and is
        // kept on its side of 0: the grammar writes nothing between 0 and 10^-16.
        var approximate = value.GetDouble();
        var bound = value.TryGetDecimal(out var exact) ? exact : approximate > 0 ? Unwritable : -Unwritable;
        return bound == 0 && approximate != 0 && (approximate > 0) == lower ? new NumberBound(0, Inclusive: false) : new NumberBound(bound, inclusive);
    }

    /// <summary>Draft 4's <c>"exclusiveMinimum": true</c>, which makes <c>minimum</c> exclusive.</summary>
    private static bool DraftFourExclusive(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary><c>multipleOf</c>, if given: a number greater than 0.</summary>
    private static decimal? Divisor(JsonElement schema, string path) =>
        !schema.TryGetProperty("multipleOf", out var value) ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var divisor) && divisor > 0 ? divisor
            : throw new JsonSchemaException(path, "'multipleOf' must be a number greater than 0.");

    /// <summary>
    /// The digits allowed after the point: <c>multipleOf</c> 0.01 allows two, 1 none (nor does an integer whose divisor
    /// divides 1). Null for any other divisor, which <see cref="Multiples"/> writes.
    /// </summary>
    private static int? FractionDigits(decimal? divisor, bool integer)
    {
        if (divisor is not { } value)
        {
            return integer ? 0 : MaxFractionDigits;
        }

        if (integer && 1 % value == 0)
        {
            return 0;
        }

        for (var digits = 0; digits <= MaxFractionDigits && value <= 1; digits++)
        {
            if (value * Pow10(digits) == 1)
            {
                return integer ? 0 : digits;
            }
        }

        return null;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
