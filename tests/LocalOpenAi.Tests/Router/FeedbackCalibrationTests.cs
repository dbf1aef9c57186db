using LocalOpenAi.Router.Calibration;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Tests.Router;

public sealed class FeedbackCalibrationTests
{
    [Fact]
    public void Poor_ratings_raise_an_agents_score_good_ones_lower_it_and_neither_goes_past_the_bound()
    {
        var calibration = new FeedbackCalibration();

        Assert.Equal(FeedbackCalibration.Step, calibration.Record("support-bot", 1));
        Assert.Equal(FeedbackCalibration.Step, calibration.Record("support-bot", 3));
        Assert.Equal(0, calibration.Record("support-bot", 5));
        for (var i = 0; i < 100; i++)
        {
            calibration.Record("support-bot", 2);
            calibration.Record("sales-bot", 4);
        }

        Assert.Equal(FeedbackCalibration.MaxShift, calibration.ShiftOf("support-bot"));
        Assert.Equal(-FeedbackCalibration.MaxShift, calibration.ShiftOf("sales-bot"));
        Assert.Equal(0, calibration.ShiftOf("nobody"));
        Assert.Equal(2, calibration.Snapshot().Count);
    }

    [Fact]
    public void The_classifier_adds_an_agents_shift_to_its_score_and_says_so()
    {
        var classifier = new ComplexityClassifier(new ClassifierOptions());
        var input = ClassificationInput.FromPrompt("Summarise this ticket for the on-call engineer.", null, "support-bot");
        var before = classifier.Classify(input);

        for (var i = 0; i < 5; i++)
        {
            classifier.Calibration.Record("support-bot", 1);
        }

        var after = classifier.Classify(input);
        Assert.Equal(before.Score + (5 * FeedbackCalibration.Step), after.Score, precision: 3);
        Assert.Contains(after.Reasons, reason => reason.StartsWith("agent support-bot ratings", StringComparison.Ordinal));
    }
}
