using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Tests.Support;

/// <summary>Synthetic GGUF files written once per test run into a temporary folder.</summary>
public static class TestModels
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("localopenai-tests-").FullName;
    private static readonly Lock WriteLock = new();

    /// <summary>The tiny Q8_0 preset: loads in milliseconds, used by most tests.</summary>
    public static string TinyPath => Get(SyntheticModelPreset.Tiny, GgufQuantization.Q8_0);

    public static string Get(SyntheticModelPreset preset, GgufQuantization quantization, int seed = 42) =>
        WriteOnce($"{preset}-{quantization}-{seed}.gguf", stream => SyntheticModel.Write(stream, preset, quantization, seed));

    /// <summary>A synthetic LoRA adapter for the model of <paramref name="preset"/>.</summary>
    public static string Adapter(SyntheticModelPreset preset, int rank = 8, float alpha = 8f, int seed = 7) =>
        WriteOnce($"{preset}-lora-r{rank}-a{alpha}-{seed}.gguf", stream => SyntheticLoraAdapter.Write(stream, preset, rank, alpha, seed));

    /// <summary>A fresh path in the test folder for files a test writes itself.</summary>
    public static string NewPath(string extension = ".gguf") => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);

    private static string WriteOnce(string name, Action<Stream> write)
    {
        var path = Path.Combine(Folder, name.ToLowerInvariant());
        lock (WriteLock)
        {
            if (!File.Exists(path))
            {
                using var stream = File.Create(path + ".partial");
                write(stream);
                stream.Close();
                File.Move(path + ".partial", path);
            }
        }

        return path;
    }
}
