namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// What a JSON Schema may ask of the grammar converter. Over a limit the schema is refused with a
/// message naming the limit, instead of overflowing the stack or building a grammar that pins a core.
/// </summary>
/// <param name="MaxDepth">Schema nodes nested inside each other, each <c>$ref</c> followed counting as one level.</param>
/// <param name="MaxProperties">Properties declared in the whole schema.</param>
/// <param name="MaxPropertyNameLength">Characters in one property name.</param>
/// <param name="MaxEnumValues">Values in one <c>enum</c>.</param>
/// <param name="MaxAlternatives"><c>anyOf</c>/<c>oneOf</c> branches and type alternatives in the whole schema.</param>
/// <param name="MaxAlternativePaths">The product of <c>anyOf</c>/<c>oneOf</c> branch counts along any nesting path: llama.cpp keeps a stack per path, so each nested level multiplies its work per token.</param>
/// <param name="MaxLengthBound">Largest <c>minLength</c>/<c>maxLength</c>.</param>
/// <param name="MaxItemsBound">Largest <c>minItems</c>/<c>maxItems</c>.</param>
/// <param name="MaxLiteralLength">Characters of one <c>const</c> or <c>enum</c> value as JSON.</param>
/// <param name="MaxPatternLength">Characters of one <c>pattern</c>.</param>
public sealed record JsonSchemaLimits(
    int MaxDepth = 32,
    int MaxProperties = 512,
    int MaxPropertyNameLength = 256,
    int MaxEnumValues = 256,
    int MaxAlternatives = 128,
    long MaxAlternativePaths = 4096,
    int MaxLengthBound = 1000,
    int MaxItemsBound = 256,
    int MaxLiteralLength = 4096,
    int MaxPatternLength = 4096)
{
    /// <summary>The defaults above.</summary>
    public static JsonSchemaLimits Default { get; } = new();
}
