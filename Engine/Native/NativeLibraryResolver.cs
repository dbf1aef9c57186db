using System.Reflection;
using System.Runtime.InteropServices;

namespace LocalOpenAi.Engine.Native;

/// <summary>
/// Maps the logical library names of <see cref="LlamaNative"/> to the files of one llama.cpp build
/// folder, so that libllama, libggml and the CPU variants it loads all come from the same place.
/// </summary>
internal static class NativeLibraryResolver
{
    /// <summary>File name patterns per logical name, most specific first.</summary>
    /// <remarks>
    /// node-llama-cpp names a GPU build's libraries after its backend (<c>libllama.cuda.v0.5.0.so</c>,
    /// <c>libllama.vulkan.v0.5.0.so</c>) and the CPU build's without one (<c>libllama.v0.5.0.so</c>);
    /// a plain llama.cpp build has <c>libllama.so</c>.
    /// </remarks>
    private static readonly Dictionary<string, string[]> CandidatePatterns = new()
    {
        [LlamaNative.Llama] = ["libllama.v0.5.0.so", "libllama.*.v0.5.0.so", "libllama.so", "libllama.dylib", "llama.dll"],
        [LlamaNative.Ggml] = ["libggml.v0.5.0.so", "libggml.*.v0.5.0.so", "libggml.so", "libggml.dylib", "ggml.dll"],
        [LlamaNative.GgmlBase] = ["libggml-base.so", "libggml-base.dylib", "ggml-base.dll"],
    };

    private static Dictionary<string, string?> s_paths = [];

    /// <summary>Installs the resolver for this assembly; every later P/Invoke loads from <paramref name="directory"/>.</summary>
    /// <remarks>The files are looked up here, once, not at every P/Invoke's first call.</remarks>
    public static void Install(string directory)
    {
        s_paths = CandidatePatterns.Keys.ToDictionary(name => name, name => FindFile(directory, name));
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    /// <summary>Finds the file that stands for <paramref name="logicalName"/> in <paramref name="directory"/>, if any.</summary>
    public static string? FindFile(string directory, string logicalName) =>
        Directory.Exists(directory) && CandidatePatterns.TryGetValue(logicalName, out var patterns)
            ? patterns.Select(pattern => Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal).FirstOrDefault())
                .FirstOrDefault(path => path is not null)
            : null;

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        s_paths.GetValueOrDefault(libraryName) is { } path ? NativeLibrary.Load(path) : 0;
}
