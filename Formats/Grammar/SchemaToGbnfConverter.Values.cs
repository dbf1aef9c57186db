using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Arrays and merged <c>allOf</c> objects.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    private string ArrayExpression(JsonElement schema, string name, string path)
    {
        var min = Count(schema, "minItems", path, limits.MaxItemsBound) ?? 0;
        var max = Count(schema, "maxItems", path, limits.MaxItemsBound, upper: true);
        if (max < min)
        {
            throw new JsonSchemaException(path, "'maxItems' is less than 'minItems'.");
        }

        var hasItems = schema.TryGetProperty("items", out var items);
        if (schema.TryGetProperty("prefixItems", out var prefix))
        {
            return TupleExpression(prefix, hasItems ? items : null, min, max, name, path);
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            return SetExpression(hasItems ? items : default, min, max, name, path);
        }

        var item = hasItems ? Rule(items, $"{name}-item", $"{path}/items") : GbnfPrimitives.Use(_rules, "value");
        if (max == 0)
        {
            return "\"[]\"";
        }

        var rest = Repeat($"( \",\" {item} )", Math.Max(min - 1, 0), max - 1);
        var elements = $"{item} {rest}";
        return min == 0 ? $"\"[\" ( {elements} )? \"]\"" : $"\"[\" {elements} \"]\"";
    }

    /// <summary>
    /// <c>prefixItems</c> (zod's tuples): every prefix item that <c>maxItems</c> allows is written, then the further
    /// items that <c>minItems</c> asks for and <c>items</c> (false: none) allows.
    /// </summary>
    private string TupleExpression(JsonElement prefix, JsonElement? items, int min, int? max, string name, string path)
    {
        if (prefix.ValueKind != JsonValueKind.Array || prefix.GetArrayLength() > limits.MaxItemsBound)
        {
            throw new JsonSchemaException(path, $"'prefixItems' must be an array of at most {limits.MaxItemsBound} schemas.");
        }

        var written = prefix.EnumerateArray().Take(max ?? int.MaxValue)
            .Select((schema, i) => Rule(schema, $"{name}-{i}", $"{path}/prefixItems/{i}")).ToList();
        var extraMin = Math.Max(0, min - written.Count);
        int? extraMax = items is { ValueKind: JsonValueKind.False } ? 0 : max - written.Count;
        if (extraMin > extraMax)
        {
            throw new JsonSchemaException(path, "'minItems' asks for more items than 'prefixItems' and 'items' allow.");
        }

        var tail = string.Empty;
        if (extraMax != 0)
        {
            var extra = items is { } schema ? Rule(schema, $"{name}-item", $"{path}/items") : GbnfPrimitives.Use(_rules, "value");
            var more = $"( \",\" {extra} )";
            tail = written.Count > 0 ? Repeat(more, extraMin, extraMax)
                : extraMin > 0 ? $"{extra} {Repeat(more, extraMin - 1, extraMax - 1)}"
                : $"( {extra} {Repeat(more, 0, extraMax - 1)} )?";
        }

        var body = string.Join(" ", new[] { string.Join(" \",\" ", written), tail }.Where(part => part.Length > 0));
        return body.Length == 0 ? "\"[]\"" : $"\"[\" {body} \"]\"";
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

            var keywords = part.ValueKind == JsonValueKind.Object ? part.EnumerateObject().Select(p => p.Name).Where(k => !IsAnnotation(k)).ToList() : ["?"];
            if (keywords.Any(k => k is not ("type" or "properties" or "required"))
                || (part.TryGetProperty("type", out var type) && type.GetString() != "object"))
            {
                throw new JsonSchemaException($"{path}/allOf/{i}", "'allOf' is supported only for open object schemas (type, properties, required).", unsupported: true);
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

    /// <summary>
    /// A <c>min...</c> (<paramref name="upper"/> false) or <c>max...</c> count. A maximum over the limit is the limit: writing
    /// fewer than the schema allows keeps to it (pydantic's URLs allow 2,083 characters); a minimum over it is refused.
    /// </summary>
    private static int? Count(JsonElement schema, string keyword, string path, int limit, bool upper = false) =>
        !schema.TryGetProperty(keyword, out var value) ? null
            : value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 0
                ? throw new JsonSchemaException(path, $"'{keyword}' must be a non-negative integer.")
            : count <= limit ? count
            : upper ? limit
            : throw new JsonSchemaException(path, $"'{keyword}' is {count}; the limit is {limit}.");
}
