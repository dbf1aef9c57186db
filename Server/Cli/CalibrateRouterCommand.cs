using System.CommandLine;
using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>calibrate-router --sample FILE.jsonl --cloud-share 0.2</c>: sets the classifier's thresholds so
/// that about that share of the operator's own traffic scores complex (and goes to the cloud).
/// </summary>
internal sealed class CalibrateRouterCommand : ICliCommand
{
    public const string Name = "calibrate-router";

    Command ICliCommand.Create()
    {
        var sample = new Option<string>("--sample") { Description = "Recorded requests, one JSON object a line", Required = true, HelpName = "FILE.jsonl" };
        var share = new Option<double>("--cloud-share")
        {
            Description = "The share of requests that should score complex, between 0 and 1",
            DefaultValueFactory = _ => 0.2,
            CustomParser = result => OptionValues.Number(result, exclusiveMinimum: 0, exclusiveMaximum: 1) ?? 0,
        };

        var command = new Command(Name, "Prints Router:Classifier thresholds (JSON for appsettings.json) that send about --cloud-share of the sample to the cloud.")
        {
            sample, share,
        };
        command.SetAction(result => Run(result.GetValue(sample)!, result.GetValue(share), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, double share, TextWriter output, TextWriter error)
    {
        IReadOnlyList<TrafficSample> samples;
        try
        {
            samples = TrafficSampleReader.ReadFile(path);
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            error.WriteLine($"error: {exception.Message}");
            return ServerCommandLine.UsageError;
        }

        var result = ThresholdCalibrator.Calibrate(samples.Select(sample => sample.Input), share, new ClassifierOptions());
        output.WriteLine(FormattableString.Invariant(
            $"{{\"Router\":{{\"Classifier\":{{\"ModerateThreshold\":{result.Thresholds.Moderate},\"ComplexThreshold\":{result.Thresholds.Complex}}}}}}}"));
        output.WriteLine(FormattableString.Invariant($"# {samples.Count} requests; {result.AchievedCloudShare:P1} would go to the cloud (target {share:P0})"));
        return 0;
    }
}
