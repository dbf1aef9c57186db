using LocalOpenAi.Engine;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Server.Models.Pull;

namespace LocalOpenAi.Server.Models;

/// <summary>
/// Turns a <c>--model</c> value into a GGUF path: a file path as is, or <c>synthetic:PRESET</c>
/// for a random-weights model written once into the cache folder (offline demos and tests).
/// </summary>
internal static class ModelReference
{
    public const string SyntheticPrefix = "synthetic:";

    public static string CacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "localopenai", "models");

    /// <summary>The alias a reference is served under when none is configured.</summary>
    public static string DefaultAlias(string reference)
    {
        if (reference.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return "synthetic-" + reference[SyntheticPrefix.Length..];
        }

        return HuggingFaceReference.TryParse(reference, out var hub)
            ? hub.Repository + (hub.Quantization is { } quantization ? "-" + quantization : string.Empty)
            : Path.GetFileNameWithoutExtension(reference);
    }

    /// <exception cref="ModelLoadException">An unknown synthetic preset, or a pull that failed.</exception>
    public static string Resolve(string reference)
    {
        if (HuggingFaceReference.HasPrefix(reference))
        {
            return Pull(reference);
        }

        if (!reference.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            return reference;
        }

        var presetName = reference[SyntheticPrefix.Length..];
        if (!SyntheticModelShape.TryParsePreset(presetName, out var preset))
        {
            throw new ModelLoadException($"Unknown synthetic preset '{presetName}'; use synthetic:tiny, synthetic:small or synthetic:1b.");
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

    /// <summary>Downloads (or finds in the cache) an <c>hf:OWNER/REPO[:QUANT]</c> model, with a progress bar on stderr.</summary>
    private static string Pull(string reference)
    {
        if (!HuggingFaceReference.TryParse(reference, out var hub))
        {
            throw new ModelLoadException($"'{reference}' is not hf:OWNER/REPO[:QUANT].");
        }

        PullOptions options;
        try
        {
            options = PullOptions.FromEnvironment();
        }
        catch (ArgumentException exception)
        {
            throw new ModelLoadException(exception.Message);
        }

        var result = new ModelPuller().PullAsync(hub, options, ConsoleProgressBar.ForStandardError()).GetAwaiter().GetResult();
        return result.Succeeded ? result.Path! : throw new ModelLoadException(result.Error!);
    }
}
