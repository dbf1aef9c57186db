using System.Globalization;
using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// Validates JSON documents against the JSON Schema subset that <see cref="JsonSchemaGrammar"/>
/// supports, plus <c>pattern</c> and number bounds; other keywords are ignored.
/// </summary>
public static partial class JsonSchemaValidator
{
    /// <summary>Checks <paramref name="instance"/> against <paramref name="schema"/> and lists every violation.</summary>
    public static SchemaValidationResult Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors, 0);
        return new SchemaValidationResult(errors);
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement instance, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: the schema nests too deeply.");
            return;
        }

        if (schema.ValueKind is JsonValueKind.True or not JsonValueKind.Object)
        {
            if (schema.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: no value is allowed here.");
            }

            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(root, Resolve(root, reference.GetString() ?? string.Empty), instance, path, errors, depth + 1);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, instance))
        {
            errors.Add($"{path}: expected type {type.GetRawText()}, got {Describe(instance)}.");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonEquals(constant, instance))
        {
            errors.Add($"{path}: must equal {constant.GetRawText()}.");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonEquals(v, instance)))
        {
            errors.Add($"{path}: must be one of {values.GetRawText()}.");
        }

        CheckCombinators(root, schema, instance, path, errors, depth);
        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(root, schema, instance, path, errors, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(root, schema, instance, path, errors, depth);
                break;
            case JsonValueKind.String:
                CheckString(schema, instance.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, instance.GetDouble(), path, errors);
                break;
        }
    }

    private static void CheckCombinators(JsonElement root, JsonElement schema, JsonElement instance, string path, List<string> errors, int depth)
    {
        int Passing(JsonElement options) => options.EnumerateArray().Count(option =>
        {
            var inner = new List<string>();
            Check(root, option, instance, path, inner, depth + 1);
            return inner.Count == 0;
        });

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(root, part, instance, path, errors, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var any) && Passing(any) == 0)
        {
            errors.Add($"{path}: matches none of the 'anyOf' schemas.");
        }

        if (schema.TryGetProperty("oneOf", out var one) && Passing(one) is var count && count != 1)
        {
            errors.Add($"{path}: must match exactly one 'oneOf' schema, matches {count}.");
        }
    }

    private static JsonElement Resolve(JsonElement root, string target)
    {
        var node = root;
        foreach (var segment in target.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
            {
                throw new ArgumentException($"The schema reference '{target}' points at nothing.", nameof(root));
            }
        }

        return node;
    }

    private static bool TypeMatches(JsonElement type, JsonElement instance) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => TypeMatches(t, instance))
            : type.GetString() switch
            {
                "object" => instance.ValueKind == JsonValueKind.Object,
                "array" => instance.ValueKind == JsonValueKind.Array,
                "string" => instance.ValueKind == JsonValueKind.String,
                "number" => instance.ValueKind == JsonValueKind.Number,
                "integer" => instance.ValueKind == JsonValueKind.Number && IsInteger(instance),
                "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "null" => instance.ValueKind == JsonValueKind.Null,
                _ => false,
            };

    private static bool IsInteger(JsonElement number) =>
        number.TryGetInt64(out _) || (double.TryParse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Floor(value) == value && !double.IsInfinity(value));

    private static string Describe(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(instance) ? "integer" : "number",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
