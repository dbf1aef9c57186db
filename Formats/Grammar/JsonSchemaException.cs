namespace LocalOpenAi.Formats.Grammar;

/// <summary>A schema that is invalid or not supported; raised inside the converter and turned into a <see cref="GrammarResult"/>.</summary>
/// <param name="unsupported">Valid JSON Schema the grammar cannot keep to, as opposed to an invalid schema or one over a limit.</param>
internal sealed class JsonSchemaException(string path, string message, bool unsupported = false) : Exception($"{(path.Length == 0 ? "#" : path)}: {message}")
{
    public bool Unsupported { get; } = unsupported;
}
