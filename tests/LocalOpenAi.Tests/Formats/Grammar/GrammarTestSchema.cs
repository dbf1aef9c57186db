namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>
/// A JSON Schema with documents the grammar must accept (all schema-valid), documents it must
/// reject (schema-invalid or not JSON), and schema-valid documents it rejects by design because
/// they are not in its canonical form (property order, duplicate keys, <c>-0.0</c> for an integer).
/// </summary>
public sealed record GrammarTestSchema(string Name, string Schema, IReadOnlyList<string> Valid, IReadOnlyList<string> Invalid, IReadOnlyList<string> NonCanonical)
{
    public override string ToString() => Name;
}
