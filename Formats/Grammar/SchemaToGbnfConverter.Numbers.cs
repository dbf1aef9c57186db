using System.Globalization;
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
        var fractionDigits = FractionDigits(schema, path, "number");
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
        FractionDigits(schema, path, "integer");
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
            Bound(schema, "minimum", path, inclusive: !DraftFourExclusive(schema, "exclusiveMinimum")),
            Bound(schema, "exclusiveMinimum", path, inclusive: false));
        var high = NumberBound.TighterHigh(
            Bound(schema, "maximum", path, inclusive: !DraftFourExclusive(schema, "exclusiveMaximum")),
            Bound(schema, "exclusiveMaximum", path, inclusive: false));
        if (NumberBound.IsEmpty(low, high) || low?.Value >= Unwritable || high?.Value <= -Unwritable)
        {
            throw new JsonSchemaException(path, "the number range is empty.");
        }

        return (low?.Value <= -Unwritable ? null : low, high?.Value >= Unwritable ? null : high);
    }

    private static NumberBound? Bound(JsonElement schema, string keyword, string path, bool inclusive)
    {
        if (!schema.TryGetProperty(keyword, out var value) || value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new JsonSchemaException(path, $"'{keyword}' must be a number.");
        }

        // A bound too large for a decimal is far beyond anything the grammar writes.
        var bound = value.TryGetDecimal(out var exact) ? exact : value.GetDouble() > 0 ? Unwritable : -Unwritable;
        return new NumberBound(bound, inclusive);
    }

    /// <summary>Draft 4's <c>"exclusiveMinimum": true</c>, which makes <c>minimum</c> exclusive.</summary>
    private static bool DraftFourExclusive(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>
    /// The digits allowed after the point: <c>multipleOf</c> 0.01 allows two, 1 none. Other divisors are refused, since
    /// the grammar would have to do arithmetic to keep to them.
    /// </summary>
    private static int FractionDigits(JsonElement schema, string path, string type)
    {
        if (!schema.TryGetProperty("multipleOf", out var value))
        {
            return type == "integer" ? 0 : MaxFractionDigits;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var divisor) || divisor <= 0)
        {
            throw new JsonSchemaException(path, "'multipleOf' must be a number greater than 0.");
        }

        if (type == "integer" && 1 % divisor == 0)
        {
            return 0;
        }

        for (var digits = 0; digits <= MaxFractionDigits && divisor <= 1; digits++)
        {
            if (divisor * Pow10(digits) == 1)
            {
                return digits;
            }
        }

        throw new JsonSchemaException(path, $"'multipleOf' {divisor.ToString(CultureInfo.InvariantCulture)} is not supported; it may be 1 or a power of ten below 1 (0.1, 0.01, ...), and for integers any divisor of 1.", unsupported: true);
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
