namespace LocalOpenAi.Formats.Grammar;

/// <summary>The outcome of validating a JSON document against a schema: each error names the instance path.</summary>
public sealed record SchemaValidationResult(IReadOnlyList<string> Errors)
{
    /// <summary>True when the document satisfies the schema.</summary>
    public bool IsValid => Errors.Count == 0;
}
