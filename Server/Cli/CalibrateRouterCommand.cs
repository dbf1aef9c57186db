using System.Globalization;
using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Server.Cli;

/// <summary>
/// <c>calibrate-router --sample FILE.jsonl --cloud-share 0.2</c>: sets the classifier's thresholds so
/// that about that share of the operator's own traffic scores complex (and goes to the cloud).
/// </summary>
public static class CalibrateRouterCommand
{
    public const string Name = "calibrate-router";

    private const string Usage = "usage: calibrate-router --sample FILE.jsonl --cloud-share 0.2";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--sample", out var path)
            || !double.TryParse(options.GetValueOrDefault("--cloud-share", "0.2"), NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
            || share is <= 0 or >= 1)
        {
            error.WriteLine(Usage);
            return 2;
        }

        IReadOnlyList<TrafficSample> samples;
        try
        {
            samples = TrafficSampleReader.ReadFile(path);
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }

        var result = ThresholdCalibrator.Calibrate(samples.Select(sample => sample.Input), share, new ClassifierOptions());
        output.WriteLine(FormattableString.Invariant(
            $"{{\"Router\":{{\"Classifier\":{{\"ModerateThreshold\":{result.Thresholds.Moderate},\"ComplexThreshold\":{result.Thresholds.Complex}}}}}}}"));
        output.WriteLine(FormattableString.Invariant($"# {samples.Count} requests; {result.AchievedCloudShare:P1} would go to the cloud (target {share:P0})"));
        return 0;
    }
}
