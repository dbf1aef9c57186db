using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Strings: lengths, <c>format</c> and <c>pattern</c>.</summary>
internal sealed partial class SchemaToGbnfConverter
{
    /// <summary>Formats with a rule of their own in <see cref="GbnfPrimitives"/>.</summary>
    private static readonly string[] PrimitiveFormats = ["date", "time", "date-time", "uuid"];

    private string StringExpression(JsonElement schema, string path)
    {
        var min = Count(schema, "minLength", path, limits.MaxLengthBound) ?? 0;
        var max = Count(schema, "maxLength", path, limits.MaxLengthBound, upper: true);
        if (max < min)
        {
            throw new JsonSchemaException(path, "'maxLength' is less than 'minLength'.");
        }

        var formatName = schema.TryGetProperty("format", out var format) ? format.GetString() ?? string.Empty : null;
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            // A library that writes a format writes its pattern beside it (zod's email, uuid, datetime): the pattern rules.
            return PatternExpression(pattern.ValueKind == JsonValueKind.String ? pattern.GetString()! : throw new JsonSchemaException(path, "'pattern' must be a string."), "pattern", min, max, path);
        }

        if (formatName is not null && GrammarStringFormats.Patterns.TryGetValue(formatName, out var formatPattern))
        {
            return PatternExpression(formatPattern, $"format '{formatName}'", min, max, path);
        }

        if (formatName is not null && PrimitiveFormats.Contains(formatName))
        {
            if (schema.TryGetProperty("minLength", out _) || schema.TryGetProperty("maxLength", out _))
            {
                throw new JsonSchemaException(path, "'minLength'/'maxLength' together with 'format' are not supported.", unsupported: true);
            }

            return $"\"\\\"\" {GbnfPrimitives.Use(_rules, formatName)} \"\\\"\"";
        }

        // Any other format (OpenAPI's byte, binary, password) only annotates, as JSON Schema 2020-12 reads formats by
        // default and llama.cpp treats them: the string is written by its lengths alone.
        if (min == 0 && max is null)
        {
            return GbnfPrimitives.Use(_rules, "string");
        }

        GbnfPrimitives.Use(_rules, "string");
        return $"\"\\\"\" {Repeat("char", min, max)} \"\\\"\"";
    }

    /// <summary>
    /// The strings a pattern matches. Lengths are kept only where the pattern implies them, since a grammar cannot
    /// intersect the two; a pattern too ambiguous for llama.cpp to follow cheaply is refused as a raw grammar would be.
    /// </summary>
    private string PatternExpression(string pattern, string source, int minLength, int? maxLength, string path)
    {
        if (pattern.Length > limits.MaxPatternLength)
        {
            throw new JsonSchemaException(path, $"the {source} has {pattern.Length} characters; the limit is {limits.MaxPatternLength}.");
        }

        var piece = PatternGrammar.Build(pattern, out var error) ?? throw new JsonSchemaException(path, $"in the {source}, {error}", unsupported: true);
        if (piece.MinLength < minLength || (maxLength is not null && (piece.MaxLength is null || piece.MaxLength > maxLength)))
        {
            throw new JsonSchemaException(path, $"'minLength'/'maxLength' together with a {source} are supported only when the {source} already keeps to them.", unsupported: true);
        }

        var check = GbnfChecker.Check($"root ::= {piece.Text}\n");
        return check.IsSuccess ? $"\"\\\"\" {piece.Text} \"\\\"\""
            : throw new JsonSchemaException(path, $"the {source} cannot be constrained: {check.Error}", unsupported: true);
    }
}
