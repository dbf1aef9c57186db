namespace LocalOpenAi.Engine;

/// <summary>A model or adapter file that is missing, not a GGUF, damaged, does not fit, or is refused by llama.cpp.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
