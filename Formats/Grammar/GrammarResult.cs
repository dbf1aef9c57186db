namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// The outcome of turning a JSON Schema into a GBNF grammar: the grammar text, or why the schema
/// is invalid or uses something the converter cannot express exactly (answered as a 400).
/// </summary>
public sealed record GrammarResult(string? Grammar, string? Error)
{
    /// <summary>True when <see cref="Grammar"/> holds a grammar.</summary>
    public bool IsSuccess => Grammar is not null;

    internal static GrammarResult Success(string grammar) => new(grammar, null);

    internal static GrammarResult Failure(string error) => new(null, error);
}
