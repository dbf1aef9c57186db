namespace LocalOpenAi.Engine.Native;

/// <summary>The llama.cpp libraries are missing, unloadable or of the wrong version.</summary>
public sealed class NativeLibraryException(string message) : Exception(message);
