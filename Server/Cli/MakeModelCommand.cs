using System.Diagnostics;
using System.Globalization;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>make-model --preset tiny|small|1b --quant q8_0|q4_0|f16 --out FILE.gguf [--seed N]</c>; with
/// <c>--lora-rank N [--lora-alpha X]</c> it writes a LoRA adapter for the preset instead of a model.
/// </summary>
public static class MakeModelCommand
{
    public const string Name = "make-model";

    private const string Usage =
        "usage: make-model --preset tiny|small|1b --quant q8_0|q4_0|f16 --out FILE.gguf [--seed N]\n" +
        "       make-model --preset tiny|small|1b --lora-rank N [--lora-alpha X] --out FILE.gguf [--seed N]   (a LoRA adapter for the preset; alpha defaults to the rank)";

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

        (int Rank, float Alpha)? lora = null;
        if (options.TryGetValue("--lora-rank", out var rankText))
        {
            if (!int.TryParse(rankText, CultureInfo.InvariantCulture, out var rank) || rank < 1
                || !float.TryParse(options.GetValueOrDefault("--lora-alpha", rankText), CultureInfo.InvariantCulture, out var alpha)
                || !float.IsFinite(alpha) || alpha <= 0f)
            {
                error.WriteLine(Usage);
                return 2;
            }

            lora = (rank, alpha);
        }

        var stopwatch = Stopwatch.StartNew();
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        {
            if (lora is { } adapter)
            {
                SyntheticLoraAdapter.Write(stream, preset, adapter.Rank, adapter.Alpha, seed);
            }
            else
            {
                SyntheticModel.Write(stream, preset, quantization, seed);
            }
        }

        File.Move(temporary, path, overwrite: true);
        var what = lora is { } written
            ? $"LoRA adapter for preset {preset}, rank {written.Rank}, alpha {written.Alpha.ToString(CultureInfo.InvariantCulture)}"
            : $"preset {preset}, {quantization}";
        output.WriteLine($"wrote {path} ({new FileInfo(path).Length / (1024.0 * 1024):F1} MiB, {what}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
