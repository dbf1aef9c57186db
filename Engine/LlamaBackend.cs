using LocalOpenAi.Engine.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalOpenAi.Engine;

/// <summary>The process-wide llama.cpp runtime. Started once, before the first model loads.</summary>
public static class LlamaBackend
{
    /// <summary>Environment variable naming a folder with another llama.cpp build of the same version.</summary>
    public const string NativeDirectoryVariable = "LOCALOPENAI_NATIVE_DIR";

    /// <summary>The folder the libraries load from: <c>LOCALOPENAI_NATIVE_DIR</c>, else <c>native/</c> beside the app.</summary>
    public static string DefaultNativeDirectory =>
        Environment.GetEnvironmentVariable(NativeDirectoryVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, "native");

    /// <summary>Starts llama.cpp once; later calls return the first result.</summary>
    /// <exception cref="NativeLibraryException">The libraries are missing or of the wrong version.</exception>
    public static NativeRuntimeInfo Start(ILoggerFactory? loggerFactory = null, string? nativeDirectory = null) =>
        LlamaRuntime.Start(
            nativeDirectory ?? DefaultNativeDirectory,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LocalOpenAi.Engine.LlamaCpp"));
}
