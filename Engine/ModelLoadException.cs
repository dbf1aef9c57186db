namespace LocalOpenAi.Engine;

/// <summary>A model file that is missing, not a GGUF, damaged, or refused by llama.cpp.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
