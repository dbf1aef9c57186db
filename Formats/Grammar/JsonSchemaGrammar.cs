using System.Text.Json;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// JSON Schema to GBNF (llama.cpp's grammar dialect) for structured output and tool calls.
/// </summary>
/// <remarks>
/// Supported: <c>type</c> (also arrays of types), <c>properties</c>, <c>required</c> (kept in
/// declaration order, optional properties after), <c>additionalProperties</c>, <c>enum</c>,
/// <c>const</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>anyOf</c>, <c>oneOf</c>,
/// <c>allOf</c> of open objects, local <c>$ref</c> (<c>#/$defs/..</c>, <c>#/definitions/..</c>,
/// recursive), string <c>format</c> date, time, date-time and uuid, <c>minLength</c>,
/// <c>maxLength</c> and integer bounds. Anything else (e.g. <c>pattern</c>, bounds on numbers)
/// is reported as an error instead of producing a grammar looser than the schema. Declared
/// properties without <c>additionalProperties</c> admit no extra keys (llama.cpp, OpenAI strict mode).
/// JSON is compact: no whitespace between its tokens. A schema over one of the
/// <see cref="JsonSchemaLimits"/>, or whose grammar fails <see cref="GbnfChecker"/>, is refused.
/// </remarks>
public static class JsonSchemaGrammar
{
    /// <summary>The grammar for <c>response_format: {"type": "json_object"}</c>: any JSON object.</summary>
    public static string AnyJsonObject { get; } = Convert(JsonSerializer.SerializeToElement(new { type = "object" })).Grammar!;

    /// <summary>The grammar that accepts exactly the JSON documents valid against <paramref name="schema"/>, or the reason there is none.</summary>
    public static GrammarResult Convert(JsonElement schema, JsonSchemaLimits? limits = null)
    {
        try
        {
            var grammar = GbnfChecker.Check(new SchemaToGbnfConverter(schema, limits ?? JsonSchemaLimits.Default).Convert(), GbnfLimits.Generated);
            return grammar.IsSuccess ? grammar : GrammarResult.Failure($"The JSON schema needs a grammar over the limits: {grammar.Error}");
        }
        catch (JsonSchemaException exception)
        {
            return GrammarResult.Failure($"Unsupported or invalid JSON schema at {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // A keyword holding the wrong JSON kind (e.g. "required": "name").
            return GrammarResult.Failure($"Invalid JSON schema: {exception.Message}");
        }
    }

    /// <summary>Parses the schema text first; malformed JSON is reported like an invalid schema.</summary>
    public static GrammarResult Convert(string schemaJson)
    {
        try
        {
            using var document = JsonDocument.Parse(schemaJson);
            return Convert(document.RootElement);
        }
        catch (JsonException exception)
        {
            return GrammarResult.Failure($"The JSON schema is not valid JSON: {exception.Message}");
        }
    }
}
