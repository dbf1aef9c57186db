using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LocalOpenAi.Formats.Gguf;
using LocalOpenAi.Formats.Gguf.Synthetic;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>make-model --preset tiny|small|1b --quant q8_0|q4_0|f16 --out FILE.gguf [--seed N]</c>; with
/// <c>--lora-rank N [--lora-alpha X]</c> it writes a LoRA adapter for the preset instead of a model.
/// </summary>
internal sealed class MakeModelCommand : ICliCommand
{
    public const string Name = "make-model";

    Command ICliCommand.Create()
    {
        var preset = new Option<string>("--preset") { Description = "Model shape", DefaultValueFactory = _ => "tiny" };
        preset.AcceptOnlyFromAmong("tiny", "small", "1b");
        var quant = new Option<string>("--quant") { Description = "Weight format of the model (not used for an adapter)", DefaultValueFactory = _ => "q8_0" };
        quant.AcceptOnlyFromAmong("q8_0", "q4_0", "f16");
        var output = new Option<string>("--out") { Description = "The GGUF file to write (relative to the current folder)", Required = true, HelpName = "FILE.gguf" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random weights", DefaultValueFactory = _ => 42 };
        var rank = new Option<int?>("--lora-rank")
        {
            Description = "Write a LoRA adapter of this rank for the preset instead of a model",
            CustomParser = result => OptionValues.Integer(result, minimum: 1),
        };
        var alpha = new Option<double?>("--lora-alpha")
        {
            Description = "The adapter's alpha (default: the rank)",
            CustomParser = result => OptionValues.Number(result, exclusiveMinimum: 0),
        };

        var command = new Command(Name, "Writes a synthetic Llama-architecture GGUF (random weights, Llama 3 tokens and chat template) for tests and offline demos.")
        {
            preset, quant, output, seed, rank, alpha,
        };
        command.SetAction(result =>
        {
            _ = SyntheticModelShape.TryParsePreset(result.GetValue(preset)!, out var shape);
            _ = GgufQuantizationExtensions.TryParse(result.GetValue(quant)!, out var quantization);
            var lora = result.GetValue(rank) is { } r ? (Rank: r, Alpha: (float)(result.GetValue(alpha) ?? r)) : ((int Rank, float Alpha)?)null;
            Write(result.GetValue(output)!, shape, quantization, result.GetValue(seed), lora, result.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static void Write(string path, SyntheticModelPreset preset, GgufQuantization quantization, int seed, (int Rank, float Alpha)? lora, TextWriter output)
    {
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
    }
}
