using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Server.Hosting;

/// <summary>
/// Turns a <c>--model</c> value into a GGUF path: a file path as is, or <c>synthetic:PRESET</c>
/// for a random-weights model written once into the cache folder (offline demos and tests).
/// </summary>
public static class ModelReference
{
    public const string SyntheticPrefix = "synthetic:";

    public static string CacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "localopenai", "models");

    /// <summary>The alias a reference is served under when none is configured.</summary>
    public static string DefaultAlias(string reference) => reference.StartsWith(SyntheticPrefix, StringComparison.Ordinal)
        ? "synthetic-" + reference[SyntheticPrefix.Length..]
        : Path.GetFileNameWithoutExtension(reference);

    /// <exception cref="Engine.ModelLoadException">An unknown synthetic preset.</exception>
    public static string Resolve(string reference)
    {
        if (!reference.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return reference;
        }

        var presetName = reference[SyntheticPrefix.Length..];
        if (!SyntheticModelShape.TryParsePreset(presetName, out var preset))
        {
            throw new Engine.ModelLoadException($"Unknown synthetic preset '{presetName}'; use synthetic:tiny, synthetic:small or synthetic:1b.");
        }

        var quantization = preset == SyntheticModelPreset.Llama1B ? GgufQuantization.Q4_0 : GgufQuantization.Q8_0;
        var path = Path.Combine(CacheDirectory, $"synthetic-{presetName}-{quantization}.gguf".ToLowerInvariant());
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(CacheDirectory);
            var partial = path + $".{Environment.ProcessId}.partial";
            using (var stream = File.Create(partial))
            {
                SyntheticModel.Write(stream, preset, quantization, seed: 42);
            }

            File.Move(partial, path, overwrite: true);
        }

        return path;
    }
}
