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

    public static string Get(SyntheticModelPreset preset, GgufQuantization quantization, int seed = 42)
    {
        var path = Path.Combine(Folder, $"{preset}-{quantization}-{seed}.gguf".ToLowerInvariant());
        lock (WriteLock)
        {
            if (!File.Exists(path))
            {
                using var stream = File.Create(path + ".partial");
                SyntheticModel.Write(stream, preset, quantization, seed);
                stream.Close();
                File.Move(path + ".partial", path);
            }
        }

        return path;
    }

    /// <summary>A fresh path in the test folder for files a test writes itself.</summary>
    public static string NewPath(string extension = ".gguf") => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);
}
