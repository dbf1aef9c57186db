using LocalOpenAi.Router.Cascade;
using LocalOpenAi.Router.Routing;

namespace LocalOpenAi.Tests.Router;

public sealed class AnswerConfidenceTests
{
    [Fact]
    public void The_mean_is_over_every_generated_token()
    {
        Assert.Equal(-1.5, AnswerConfidence.MeanLogprob([-0.5f, -2.5f, -1.5f]));
        Assert.Null(AnswerConfidence.MeanLogprob([]));
    }

    [Theory]
    [InlineData(new[] { -0.1f, -0.3f, -0.2f }, -1.0, null)]
    [InlineData(new[] { -0.5f, -5.0f }, -3.0, null)]
    [InlineData(new[] { -0.1f, -6.1f }, -3.0, AnswerConfidence.LowLogprob)]
    [InlineData(new[] { -9.0f, -10.5f, -11.2f }, -2.5, AnswerConfidence.LowLogprob)]
    [InlineData(new float[0], -2.5, null)]
    public void An_answer_fails_only_when_its_mean_is_under_the_minimum(float[] logprobs, double minimum, string? expected)
    {
        Assert.Equal(expected, AnswerConfidence.Failure(logprobs, minimum));
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(0.0, true)]
    [InlineData(-2.5, true)]
    [InlineData(double.NaN, false)]
    public void The_minimum_must_be_a_log_probability(double minimum, bool valid)
    {
        var errors = new RouterOptions { MinMeanLogprob = minimum }.Validate();

        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(!valid, errors.Any(error => error.Contains("MinMeanLogprob", StringComparison.Ordinal)));
    }
}
