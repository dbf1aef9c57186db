using System.Diagnostics;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Server.Cli;

/// <summary><c>make-model --preset tiny|small|1b --quant q8_0|q4_0|f16 --out FILE.gguf [--seed N]</c>.</summary>
public static class MakeModelCommand
{
    public const string Name = "make-model";

    private const string Usage = "usage: make-model --preset tiny|small|1b --quant q8_0|q4_0|f16 --out FILE.gguf [--seed N]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !options.TryGetValue("--out", out var path))
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!SyntheticModelShape.TryParsePreset(options.GetValueOrDefault("--preset", "tiny"), out var preset)
            || !GgufQuantizationExtensions.TryParse(options.GetValueOrDefault("--quant", "q8_0"), out var quantization)
            || !int.TryParse(options.GetValueOrDefault("--seed", "42"), out var seed))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        {
            SyntheticModel.Write(stream, preset, quantization, seed);
        }

        File.Move(temporary, path, overwrite: true);
        output.WriteLine($"wrote {path} ({new FileInfo(path).Length / (1024.0 * 1024):F1} MiB, preset {preset}, {quantization}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
