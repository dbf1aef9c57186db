namespace LocalOpenAi.Engine.Sampling;

/// <summary>A GBNF grammar that llama.cpp could not parse.</summary>
public sealed class InvalidGrammarException(string message) : Exception(message);
