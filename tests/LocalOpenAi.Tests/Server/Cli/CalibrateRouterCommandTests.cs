using System.Text.Json;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Server.Cli;
using LocalOpenAi.Tests.Router;

namespace LocalOpenAi.Tests.Server.Cli;

public sealed class CalibrateRouterCommandTests
{
    [Fact]
    public async Task Thresholds_are_printed_as_configuration_for_the_requested_cloud_share()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync([CalibrateRouterCommand.Name, "--sample", AgentTrafficData.FilePath, "--cloud-share", "0.2"], output, error);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var classifier = JsonDocument.Parse(lines[0]).RootElement.GetProperty("Router").GetProperty("Classifier");
        Assert.Equal(new ComplexityClassifier(new ClassifierOptions()).Thresholds.Moderate, classifier.GetProperty("ModerateThreshold").GetDouble());
        Assert.InRange(classifier.GetProperty("ComplexThreshold").GetDouble(), 0, 1);
        var share = double.Parse(lines[1].Split(' ')[3].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100;
        Assert.InRange(share, 0.15, 0.25);
    }

    [Fact]
    public async Task A_missing_sample_file_is_a_clear_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync([CalibrateRouterCommand.Name, "--sample", "/nonexistent.jsonl"], output, error);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error.ToString());
    }
}
