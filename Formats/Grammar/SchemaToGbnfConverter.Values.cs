using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Arrays, strings and merged <c>allOf</c> objects.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    private static readonly string[] Formats = ["date", "time", "date-time", "uuid"];

    private string ArrayExpression(JsonElement schema, string name, string path)
    {
        var item = schema.TryGetProperty("items", out var items)
            ? Rule(items, $"{name}-item", $"{path}/items")
            : GbnfPrimitives.Use(_rules, "value");
        var min = Count(schema, "minItems", path, limits.MaxItemsBound) ?? 0;
        var max = Count(schema, "maxItems", path, limits.MaxItemsBound);
        if (max < min)
        {
            throw new JsonSchemaException(path, "'maxItems' is less than 'minItems'.");
        }

        if (max == 0)
        {
            return "\"[]\"";
        }

        var rest = Repeat($"( \",\" {item} )", Math.Max(min - 1, 0), max - 1);
        var elements = $"{item} {rest}";
        return min == 0 ? $"\"[\" ( {elements} )? \"]\"" : $"\"[\" {elements} \"]\"";
    }

    private string StringExpression(JsonElement schema, string path)
    {
        if (schema.TryGetProperty("format", out var format))
        {
            var formatName = format.GetString() ?? string.Empty;
            if (!Formats.Contains(formatName))
            {
                throw new JsonSchemaException(path, $"the string format '{formatName}' is not supported (supported: {string.Join(", ", Formats)}).");
            }

            if (schema.TryGetProperty("minLength", out _) || schema.TryGetProperty("maxLength", out _))
            {
                throw new JsonSchemaException(path, "'minLength'/'maxLength' together with 'format' are not supported.");
            }

            return $"\"\\\"\" {GbnfPrimitives.Use(_rules, formatName)} \"\\\"\"";
        }

        var min = Count(schema, "minLength", path, limits.MaxLengthBound) ?? 0;
        var max = Count(schema, "maxLength", path, limits.MaxLengthBound);
        if (min == 0 && max is null)
        {
            return GbnfPrimitives.Use(_rules, "string");
        }

        if (max < min)
        {
            throw new JsonSchemaException(path, "'maxLength' is less than 'minLength'.");
        }

        GbnfPrimitives.Use(_rules, "string");
        return $"\"\\\"\" {Repeat("char", min, max)} \"\\\"\"";
    }

    private string AllOf(List<JsonElement> schemas, string name, string path)
    {
        if (schemas.Count == 1)
        {
            return Expression(schemas[0], name, $"{path}/allOf/0");
        }

        // Only open objects merge exactly: the union of properties and of required keys.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new List<string>();
        for (var i = 0; i < schemas.Count; i++)
        {
            var part = schemas[i];
            if (part.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                part = Resolve(reference.GetString()!, path);
            }

            var keywords = part.ValueKind == JsonValueKind.Object ? part.EnumerateObject().Select(p => p.Name).Where(k => !Annotations.Contains(k)).ToList() : ["?"];
            if (keywords.Any(k => k is not ("type" or "properties" or "required"))
                || (part.TryGetProperty("type", out var type) && type.GetString() != "object"))
            {
                throw new JsonSchemaException($"{path}/allOf/{i}", "'allOf' is supported only for open object schemas (type, properties, required).");
            }

            if (part.TryGetProperty("properties", out var declared))
            {
                foreach (var property in declared.EnumerateObject())
                {
                    if (properties.TryGetValue(property.Name, out var existing) && existing.GetRawText() != property.Value.GetRawText())
                    {
                        throw new JsonSchemaException($"{path}/allOf/{i}", $"the property '{property.Name}' is declared differently in two 'allOf' parts.");
                    }

                    properties[property.Name] = property.Value;
                }
            }

            if (part.TryGetProperty("required", out var keys))
            {
                required.AddRange(keys.EnumerateArray().Select(k => k.GetString()!).Where(k => !required.Contains(k)));
            }
        }

        var merged = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
        });
        return ObjectExpression(merged, name, path);
    }

    private static string Repeat(string item, int min, int? max) =>
        (min, max) switch
        {
            (0, null) => $"{item}*",
            (1, null) => $"{item}+",
            (_, null) => $"{item}{{{min},}}",
            (0, 1) => $"{item}?",
            _ when min == max => $"{item}{{{min}}}",
            _ => $"{item}{{{min},{max}}}",
        };

    private static int? Count(JsonElement schema, string keyword, string path, int limit) =>
        !schema.TryGetProperty(keyword, out var value) ? null
            : value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 0
                ? throw new JsonSchemaException(path, $"'{keyword}' must be a non-negative integer.")
            : count <= limit ? count
            : throw new JsonSchemaException(path, $"'{keyword}' is {count}; the limit is {limit}.");
}
