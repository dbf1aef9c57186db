using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;
using Xunit.Abstractions;

namespace LocalOpenAi.Tests.Router;

public sealed class ThresholdCalibratorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void The_chosen_threshold_sends_about_the_target_share_to_the_cloud(double share)
    {
        var options = new ClassifierOptions();
        var sample = AgentTrafficData.All.Select(s => s.Input).ToArray();

        var result = ThresholdCalibrator.Calibrate(sample, share, options);
        var classifier = new ComplexityClassifier(options.WithThresholds(result.Thresholds));
        var complexShare = sample.Count(i => classifier.Classify(i).Complexity == Complexity.Complex) / (double)sample.Length;

        output.WriteLine($"target {share:P0}: thresholds {result.Thresholds}, achieved {result.AchievedCloudShare:P1}");
        Assert.Equal(result.AchievedCloudShare, complexShare, 6);
        Assert.InRange(result.AchievedCloudShare, share - 0.06, share + 0.06);
        Assert.Equal(new ComplexityClassifier(options).Thresholds.Moderate, result.Thresholds.Moderate);
        Assert.Equal(sample.Length, result.SampleSize);
    }

    [Fact]
    public void Ties_and_the_extremes_are_handled()
    {
        var options = new ClassifierOptions();
        ClassificationInput[] sample = [.. Enumerable.Repeat(ClassificationInput.FromPrompt("hi"), 8),
            ClassificationInput.FromPrompt("Prove that the square root of 2 is irrational."),
            ClassificationInput.FromPrompt("Implement a B-tree in Rust and prove its operations are O(log n).")];

        var none = ThresholdCalibrator.Calibrate(sample, 0, options);
        var all = ThresholdCalibrator.Calibrate(sample, 1, options);
        var tied = ThresholdCalibrator.Calibrate(sample, 0.5, options);
        output.WriteLine($"none {none.Thresholds}, all {all.Thresholds}, tied {tied.Thresholds}");

        Assert.Equal(0, none.AchievedCloudShare);
        Assert.Equal(1, all.AchievedCloudShare);
        Assert.Empty(options.WithThresholds(none.Thresholds).Validate());
        Assert.Empty(options.WithThresholds(all.Thresholds).Validate());
        Assert.Equal(0.2, tied.AchievedCloudShare, 6); // the eight greetings tie, so 50% is out of reach
    }

    [Fact]
    public void Misuse_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdCalibrator.Calibrate([ClassificationInput.FromPrompt("x")], 1.5, new ClassifierOptions()));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Calibrate([], 0.2, new ClassifierOptions()));
    }
}
