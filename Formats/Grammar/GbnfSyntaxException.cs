namespace LocalOpenAi.Formats.Grammar;

/// <summary>A grammar llama.cpp must not see; raised inside <see cref="GbnfParser"/> and turned into a <see cref="GrammarResult"/>.</summary>
internal sealed class GbnfSyntaxException(string message) : Exception(message);
