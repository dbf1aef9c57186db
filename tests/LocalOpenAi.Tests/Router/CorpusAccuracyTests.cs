using System.Text.Json;
using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Training;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Router;

/// <summary>The shipped model against the corpus's frozen test split, which neither its weights nor its thresholds saw.</summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private static readonly ComplexityClassifier Classifier = new(new ClassifierOptions());

    [Fact]
    public void The_corpus_is_large_diverse_and_split_before_training()
    {
        var corpus = RouterCorpus.Splits;
        var all = corpus.Train.Concat(corpus.Test).ToArray();
        var domains = Directory.GetFiles(RouterCorpus.Folder, "generated.jsonl")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("domain").GetString())
            .Distinct()
            .Count();

        Assert.True(all.Length >= 2000, $"only {all.Length} requests");
        Assert.True(domains >= 15, $"only {domains} domains");
        Assert.InRange((double)corpus.Test.Count / all.Length, 0.15, 0.35);
        foreach (var c in Enum.GetValues<Complexity>())
        {
            Assert.True(corpus.Test.Count(s => s.Label == c) >= 100, $"too few {c} requests in the test split");
        }

        Assert.Contains(all, s => s.Input.ToolCount > 0);
        Assert.Contains(all, s => s.Input.StructuredOutput != StructuredOutput.None);
        Assert.Contains(all, s => s.Input.Messages.Count(m => m.Role == "user") > 1);
        Assert.Contains(all, s => s.Input.Messages.Any(m => m.Role == "system"));
        var unseenTemplates = corpus.Test.Select(s => s.Group).Except(corpus.Train.Select(s => s.Group)).Count();
        Assert.True(unseenTemplates >= 100, $"only {unseenTemplates} test phrasings are absent from training");
    }

    [Fact]
    public void On_the_frozen_test_split_the_model_finds_complex_requests_and_beats_the_length_baseline_by_ten_points()
    {
        var corpus = RouterCorpus.Splits;
        var model = ComplexityTrainer.Evaluate(corpus.Test, input => Classifier.Classify(input).Complexity);
        var baseline = LengthBaseline.Fit(corpus.Train);
        var lengthOnly = ComplexityTrainer.Evaluate(corpus.Test, baseline.Predict);
        output.WriteLine($"model:           {model.Describe()}");
        output.WriteLine($"length baseline: {lengthOnly.Describe()}");

        Assert.True(model.Recall(Complexity.Complex) >= 0.95, $"complex recall {model.Recall(Complexity.Complex):P1}");
        Assert.True(model.Accuracy >= 0.90, $"accuracy {model.Accuracy:P1}");
        Assert.True(model.Accuracy >= lengthOnly.Accuracy + 0.10);
    }

    [Fact]
    public void On_the_earlier_hand_labelled_traffic_it_was_never_trained_on_it_beats_the_length_baseline()
    {
        var samples = AgentTrafficData.All;
        var model = ComplexityTrainer.Evaluate(samples, input => Classifier.Classify(input).Complexity);
        var lengthOnly = ComplexityTrainer.Evaluate(samples, LengthBaseline.Fit(samples).Predict);
        output.WriteLine($"model:                            {model.Describe()}");
        output.WriteLine($"length baseline (best case on it): {lengthOnly.Describe()}");

        Assert.True(model.Recall(Complexity.Complex) >= 0.95, $"complex recall {model.Recall(Complexity.Complex):P1}");
        Assert.True(model.Accuracy >= 0.82, $"accuracy {model.Accuracy:P1}");
        Assert.True(model.Accuracy >= lengthOnly.Accuracy + 0.10, $"accuracy {model.Accuracy:P1}, length baseline {lengthOnly.Accuracy:P1}");
    }

    [Fact]
    public void Every_verdict_on_the_test_split_is_explained()
    {
        foreach (TrafficSample sample in RouterCorpus.Splits.Test.Take(200))
        {
            Assert.NotEmpty(Classifier.Classify(sample.Input).Reasons);
        }
    }
}
