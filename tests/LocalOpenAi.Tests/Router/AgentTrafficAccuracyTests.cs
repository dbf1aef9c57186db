using LocalOpenAi.Router.Classification;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Router;

public sealed class AgentTrafficAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_dataset_is_large_and_covers_every_class()
    {
        var samples = AgentTrafficData.All;

        Assert.True(samples.Count >= 200, $"only {samples.Count} samples");
        Assert.All(samples, s => Assert.NotNull(s.Label));
        foreach (var c in Enum.GetValues<Complexity>())
        {
            Assert.True(samples.Count(s => s.Label == c) >= 50, $"too few {c} samples");
        }
    }

    [Fact]
    public void The_classifier_finds_complex_requests_and_beats_a_length_baseline()
    {
        var classifier = new ComplexityClassifier(new ClassifierOptions());
        var samples = AgentTrafficData.All;
        var full = new ClassificationScorecard();
        var heldOut = new ClassificationScorecard();
        var results = samples.Select(s => classifier.Classify(s.Input)).ToArray();
        for (var i = 0; i < samples.Count; i++)
        {
            full.Add(samples[i].Label!.Value, results[i].Complexity);
            if (i % 5 == 4)
            {
                heldOut.Add(samples[i].Label!.Value, results[i].Complexity);
            }
        }

        var baseline = LengthBaseline.BestOn(samples);
        output.WriteLine(full.Describe("classifier, full set"));
        output.WriteLine(heldOut.Describe("classifier, held-out (every 5th item)"));
        output.WriteLine(baseline.Scorecard.Describe($"baseline: length only, best thresholds {baseline.ModerateChars}/{baseline.ComplexChars} chars"));
        for (var i = 0; i < samples.Count; i++)
        {
            if (results[i].Complexity != samples[i].Label)
            {
                output.WriteLine($"line {samples[i].Line}: expected {samples[i].Label}, got {results[i].Complexity} ({results[i].Score}): {string.Join("; ", results[i].Reasons)}");
            }
        }

        Assert.True(full.Recall(Complexity.Complex) >= 0.95, $"recall(complex) {full.Recall(Complexity.Complex):P1}");
        Assert.True(full.Accuracy >= 0.85, $"accuracy {full.Accuracy:P1}");
        Assert.True(full.Accuracy > baseline.Scorecard.Accuracy);
    }
}
