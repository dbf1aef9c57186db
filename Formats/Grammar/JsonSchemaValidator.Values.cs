using System.Text.Json;
using System.Text.RegularExpressions;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Object, array, string and number keywords, and JSON equality.</summary>
public static partial class JsonSchemaValidator
{
    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement instance, string path, List<string> errors, int depth)
    {
        var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var key in required.EnumerateArray().Select(k => k.GetString()!))
            {
                if (!instance.TryGetProperty(key, out _))
                {
                    errors.Add($"{path}: the required property '{key}' is missing.");
                }
            }
        }

        var hasExtra = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, childPath, errors, depth + 1);
            }
            else if (hasExtra && additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: the property '{property.Name}' is not allowed.");
            }
            else if (hasExtra)
            {
                Check(root, additional, property.Value, childPath, errors, depth + 1);
            }
        }
    }

    private static void CheckArray(JsonElement root, JsonElement schema, JsonElement instance, string path, List<string> errors, int depth)
    {
        var length = instance.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && length < min.GetInt32())
        {
            errors.Add($"{path}: must have at least {min.GetInt32()} items, has {length}.");
        }

        if (schema.TryGetProperty("maxItems", out var max) && length > max.GetInt32())
        {
            errors.Add($"{path}: must have at most {max.GetInt32()} items, has {length}.");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private static void CheckString(JsonElement schema, string value, string path, List<string> errors)
    {
        var length = value.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
        {
            errors.Add($"{path}: must be at least {min.GetInt32()} characters long.");
        }

        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
        {
            errors.Add($"{path}: must be at most {max.GetInt32()} characters long.");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: does not match the pattern {pattern.GetRawText()}.");
        }

        if (schema.TryGetProperty("format", out var format) && FormatRegex(format.GetString()) is { } regex && !regex.IsMatch(value))
        {
            errors.Add($"{path}: is not a valid {format.GetString()}.");
        }
    }

    private static void CheckNumber(JsonElement schema, double value, string path, List<string> errors)
    {
        void Bound(string keyword, Func<double, bool> ok, string words)
        {
            if (schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && !ok(bound.GetDouble()))
            {
                errors.Add($"{path}: must be {words} {bound.GetRawText()}.");
            }
        }

        Bound("minimum", b => value >= b, ">=");
        Bound("maximum", b => value <= b, "<=");
        Bound("exclusiveMinimum", b => value > b, ">");
        Bound("exclusiveMaximum", b => value < b, "<");
    }

    private static Regex? FormatRegex(string? format) => format switch
    {
        "date" => DateRegex(),
        "time" => TimeRegex(),
        "date-time" => DateTimeRegex(),
        "uuid" => UuidRegex(),
        _ => null,
    };

    private static bool JsonEquals(JsonElement a, JsonElement b) => (a.ValueKind, b.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => a.GetDouble() == b.GetDouble(),
        (JsonValueKind.Object, JsonValueKind.Object) =>
            a.EnumerateObject().Count() == b.EnumerateObject().Count()
            && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var other) && JsonEquals(p.Value, other)),
        (JsonValueKind.Array, JsonValueKind.Array) =>
            a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => JsonEquals(pair.First, pair.Second)),
        (JsonValueKind.String, JsonValueKind.String) => a.GetString() == b.GetString(),
        var (left, right) => left == right,
    };

    private const string Date = @"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    private const string Time = @"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])";

    [GeneratedRegex("^" + Date + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex("^" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex("^" + Date + "T" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
