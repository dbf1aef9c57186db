namespace LocalOpenAi.Formats.Grammar;

/// <summary>A schema that is invalid or not supported; raised inside the converter and turned into a <see cref="GrammarResult"/>.</summary>
internal sealed class JsonSchemaException(string path, string message) : Exception($"{(path.Length == 0 ? "#" : path)}: {message}");
