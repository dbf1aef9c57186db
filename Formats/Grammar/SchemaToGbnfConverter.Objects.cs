using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Objects: required properties in order, optional ones in order, extra keys when allowed.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    private static readonly JsonElement AnyValue = JsonSerializer.SerializeToElement(new { });

    private string ObjectExpression(JsonElement schema, string name, string path)
    {
        var properties = new List<(string Key, JsonElement Schema)>();
        if (schema.TryGetProperty("properties", out var declared))
        {
            if (declared.ValueKind != JsonValueKind.Object)
            {
                throw new JsonSchemaException(path, "'properties' must be an object.");
            }

            properties.AddRange(declared.EnumerateObject().Select(p => (p.Name, p.Value)));
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out var requiredList))
        {
            foreach (var key in requiredList.EnumerateArray().Select(k => k.GetString() ?? string.Empty))
            {
                if (!properties.Any(p => p.Key == key))
                {
                    // Required but not declared: any value, or one of 'additionalProperties' when it gives a schema.
                    properties.Add((key, UndeclaredValue(schema, key, path)));
                }

                required.Add(key);
            }
        }

        CountProperties(properties, path);

        CheckPropertyNames(schema, path);
        string? additional = null;

        // As in llama.cpp and OpenAI's strict mode: declared properties and no 'additionalProperties' mean no extra keys.
        var hasExtra = schema.TryGetProperty("additionalProperties", out var extra);
        if (hasExtra ? extra.ValueKind != JsonValueKind.False : properties.Count == 0 && !schema.TryGetProperty("properties", out _))
        {
            var valueRule = extra.ValueKind is JsonValueKind.Undefined or JsonValueKind.True
                ? GbnfPrimitives.Use(_rules, "value")
                : Rule(extra, $"{name}-additional-value", $"{path}/additionalProperties");
            var keyRule = _rules.Add($"{name}-additional-key", OtherKey(properties.Select(p => p.Key)));
            additional = _rules.Add($"{name}-additional-kv", $"{keyRule} \":\" {valueRule}");
        }

        var pairs = properties.ToDictionary(
            p => p.Key,
            p => _rules.Add($"{name}-{p.Key}-kv", $"{GbnfRuleSet.Literal(JsonSerializer.Serialize(p.Key, Compact))} \":\" {Rule(p.Schema, $"{name}-{p.Key}", $"{path}/properties/{p.Key}")}"),
            StringComparer.Ordinal);
        var requiredPairs = properties.Where(p => required.Contains(p.Key)).Select(p => pairs[p.Key]).ToList();
        var optionalPairs = properties.Where(p => !required.Contains(p.Key)).Select(p => pairs[p.Key]).ToList();
        // The optional pairs after position i, as a chain of rules: written once each, so the grammar grows linearly with the properties.
        var tails = new string[optionalPairs.Count + 1];
        tails[^1] = additional is null ? string.Empty : $" ( \",\" {additional} )*";
        for (var i = optionalPairs.Count - 1; i >= 0; i--)
        {
            tails[i] = " " + _rules.Add($"{name}-rest{i}", $"( \",\" {optionalPairs[i]} )?{tails[i + 1]}");
        }

        string Tail(int from) => tails[from];

        string body;
        if (requiredPairs.Count > 0)
        {
            body = string.Join(" \",\" ", requiredPairs) + Tail(0);
        }
        else
        {
            var starts = optionalPairs.Select((p, i) => p + Tail(i + 1)).ToList();
            if (additional is not null)
            {
                starts.Add($"{additional} ( \",\" {additional} )*");
            }

            body = starts.Count == 0 ? string.Empty : "( " + string.Join(" | ", starts) + " )?";
        }

        return $"\"{{\" {body} \"}}\"".Replace("  ", " ");
    }

    /// <summary>A JSON string that is none of <paramref name="keys"/>: a trie that may leave every path except at a key's end.</summary>
    private string OtherKey(IEnumerable<string> keys)
    {
        GbnfPrimitives.Use(_rules, "string");
        var list = keys.Distinct().ToList();
        if (list.Any(k => k.Any(c => c is '"' or '\\' or < ' ')))
        {
            throw new JsonSchemaException("#", "property names with quotes, backslashes or control characters need 'additionalProperties': false.");
        }

        return list.Count == 0 ? "string" : "\"\\\"\" " + Trie(list, 0);
    }

    private static string Trie(List<string> keys, int depth)
    {
        var next = keys.Where(k => k.Length > depth).GroupBy(k => k[depth]).ToList();
        var isKey = keys.Any(k => k.Length == depth);
        var excluded = string.Concat(next.Select(g => ClassChar(g.Key)));
        var alternatives = new List<string>
        {
            $"( [^\"\\\\\\x7F\\x00-\\x1F\\uD800-\\uDFFF\\U00110000-\\U003FFFFF{excluded}] | [\\\\] ( [\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{{4}} ) ) char* \"\\\"\"",
        };
        alternatives.AddRange(next.Select(g => $"{GbnfRuleSet.Literal(g.Key.ToString())} {Trie([.. g], depth + 1)}"));
        if (!isKey)
        {
            alternatives.Add("\"\\\"\"");
        }

        return "( " + string.Join(" | ", alternatives) + " )";
    }

    private static string ClassChar(char c) => c switch
    {
        '\\' or ']' or '[' or '^' or '-' => "\\" + c,
        _ => c.ToString(),
    };

    private static JsonElement UndeclaredValue(JsonElement schema, string key, string path) =>
        !schema.TryGetProperty("additionalProperties", out var extra) || extra.ValueKind == JsonValueKind.True ? AnyValue
            : extra.ValueKind == JsonValueKind.False ? throw new JsonSchemaException(path, $"the required property '{key}' is not among 'properties', and 'additionalProperties' is false.")
            : extra;

    /// <summary>Keys are strings anyway: <c>propertyNames</c> is accepted when it asks no more (zod's records write it).</summary>
    private static void CheckPropertyNames(JsonElement schema, string path)
    {
        if (schema.TryGetProperty("propertyNames", out var names)
            && names.ValueKind != JsonValueKind.True
            && (names.ValueKind != JsonValueKind.Object
                || names.EnumerateObject().Any(p => !IsAnnotation(p.Name) && !(p.Name == "type" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "string"))))
        {
            throw new JsonSchemaException(path, "'propertyNames' is supported only as {\"type\":\"string\"}.", unsupported: true);
        }
    }
}
