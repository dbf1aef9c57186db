using System.Text.Encodings.Web;
using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// Walks a JSON Schema and writes one GBNF rule per schema node; any keyword it cannot express
/// exactly raises <see cref="JsonSchemaException"/> rather than producing a looser grammar.
/// </summary>
internal sealed partial class SchemaToGbnfConverter(JsonElement root, JsonSchemaLimits limits)
{
    /// <summary>
    /// Keywords that only annotate and never constrain the instance, with OpenAPI's (<c>example</c>, <c>discriminator</c>,
    /// <c>nullable</c>) and extensions (<c>x-...</c>). <c>nullable: true</c> widens an OpenAPI schema to null: a grammar
    /// that never writes null keeps to the schema read either way.
    /// </summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly",
        "$schema", "$id", "$defs", "definitions", "strict", "$anchor", "$dynamicAnchor", "$vocabulary",
        "contentEncoding", "contentMediaType", "example", "discriminator", "nullable", "externalDocs", "xml",
    };

    private static bool IsAnnotation(string keyword) => Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal);

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "anyOf", "oneOf", "allOf", "$ref", "properties", "required", "additionalProperties",
        "items", "minItems", "maxItems", "minLength", "maxLength", "format", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "pattern", "prefixItems", "propertyNames", "uniqueItems",
    };

    private static readonly string[] Types = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private readonly GbnfRuleSet _rules = new();
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private int _depth;
    private int _properties;
    private int _alternatives;
    private long _paths = 1;
    private bool _probing;

    public string Convert()
    {
        var body = Expression(root, "root", "#");
        _rules.Set("root", body);
        return _rules.Write();
    }

    /// <summary>A rule named after <paramref name="name"/> for the schema, returned by name.</summary>
    private string Rule(JsonElement schema, string name, string path)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            CheckOnly(schema, path, "$ref");
            return Ref(reference, path);
        }

        return _rules.Add(name, Expression(schema, name, path));
    }

    private string NodeExpression(JsonElement schema, string name, string path)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return GbnfPrimitives.Use(_rules, "value");
            case JsonValueKind.False:
                throw new JsonSchemaException(path, "the schema 'false' matches nothing.");
            case not JsonValueKind.Object:
                throw new JsonSchemaException(path, "a schema must be an object or a boolean.");
        }

        foreach (var property in schema.EnumerateObject())
        {
            if (!IsAnnotation(property.Name) && !Handled.Contains(property.Name))
            {
                throw new JsonSchemaException(path, $"the keyword '{property.Name}' is not supported.", unsupported: true);
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            CheckOnly(schema, path, "$ref");
            return Ref(reference, path);
        }

        foreach (var combinator in (string[])["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out _))
            {
                CheckOnly(schema, path, combinator);
            }
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return Literal(constant, path);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                throw new JsonSchemaException(path, "'enum' must be a non-empty array.");
            }

            if (values.GetArrayLength() > limits.MaxEnumValues)
            {
                throw new JsonSchemaException(path, $"'enum' has {values.GetArrayLength()} values; the limit is {limits.MaxEnumValues}.");
            }

            return "( " + string.Join(" | ", values.EnumerateArray().Select(value => Literal(value, path)).Distinct()) + " )";
        }

        foreach (var combinator in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                return OneOf(SubSchemas(options, combinator, path), combinator, name, path);
            }
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            return AllOf(SubSchemas(all, "allOf", path), name, path);
        }

        return TypeExpression(schema, name, path);
    }

    private string TypeExpression(JsonElement schema, string name, string path)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) || schema.TryGetProperty("additionalProperties", out _) ? ObjectExpression(schema, name, path)
                : schema.TryGetProperty("items", out _) || schema.TryGetProperty("prefixItems", out _) ? ArrayExpression(schema, name, path)
                : schema.EnumerateObject().Any(p => Handled.Contains(p.Name))
                    ? throw new JsonSchemaException(path, "constraints without a 'type' are not supported.", unsupported: true)
                    : GbnfPrimitives.Use(_rules, "value");
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            CountAlternatives(type.GetArrayLength(), path);
            var names = type.EnumerateArray().Select(t => TypeName(t, path)).ToList();
            if (names.Count == 0)
            {
                throw new JsonSchemaException(path, "'type' must not be an empty array.");
            }

            return names.Count == 1 ? Typed(schema, names[0], name, path)
                : "( " + string.Join(" | ", names.Distinct().Select(t => _rules.Add($"{name}-{t}", Typed(schema, t, $"{name}-{t}", path)))) + " )";
        }

        return Typed(schema, TypeName(type, path), name, path);
    }

    private string Typed(JsonElement schema, string type, string name, string path) => type switch
    {
        "object" => ObjectExpression(schema, name, path),
        "array" => ArrayExpression(schema, name, path),
        "string" => StringExpression(schema, path),
        "integer" => IntegerExpression(schema, path),
        "number" => NumberExpression(schema, path),
        "boolean" => GbnfPrimitives.Use(_rules, "boolean"),
        _ => GbnfPrimitives.Use(_rules, "null"),
    };

    private static string TypeName(JsonElement type, string path) =>
        type.ValueKind == JsonValueKind.String && Types.Contains(type.GetString())
            ? type.GetString()!
            : throw new JsonSchemaException(path, $"unknown type {type.GetRawText()}.");

    private string Ref(JsonElement reference, string path)
    {
        var target = reference.ValueKind == JsonValueKind.String ? reference.GetString()! : string.Empty;
        if (_refs.TryGetValue(target, out var known))
        {
            return known;
        }

        var resolved = Resolve(target, path);
        var name = _rules.Reserve("def-" + target.Split('/')[^1]);
        _refs[target] = name;
        _rules.Set(name, Expression(resolved, name, target));
        return name;
    }

    private JsonElement Resolve(string target, string path)
    {
        if (!target.StartsWith("#/", StringComparison.Ordinal) && target != "#")
        {
            throw new JsonSchemaException(path, $"only local references ('#/$defs/...', '#/definitions/...') are supported, not '{target}'.");
        }

        var node = root;
        foreach (var segment in target.Length <= 2 ? [] : target[2..].Split('/'))
        {
            var key = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
            {
                throw new JsonSchemaException(path, $"the reference '{target}' points at nothing.");
            }
        }

        return node;
    }

    private static void CheckOnly(JsonElement schema, string path, string keyword)
    {
        if (schema.EnumerateObject().Any(p => p.Name != keyword && Handled.Contains(p.Name) && !(keyword != "$ref" && p.Name == "type")))
        {
            throw new JsonSchemaException(path, $"constraints beside '{keyword}' are not supported.", unsupported: true);
        }
    }

    private static List<JsonElement> SubSchemas(JsonElement options, string keyword, string path) =>
        options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0
            ? [.. options.EnumerateArray()]
            : throw new JsonSchemaException(path, $"'{keyword}' must be a non-empty array of schemas.");

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
