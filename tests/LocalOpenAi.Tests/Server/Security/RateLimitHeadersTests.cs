using LocalOpenAi.Server.Security;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class RateLimitHeadersTests
{
    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(1000, "1s")]
    [InlineData(1200, "2s")]
    [InlineData(90_000, "1m30s")]
    public void Durations_are_written_as_OpenAI_writes_them(int milliseconds, string expected) =>
        Assert.Equal(expected, RateLimitHeaders.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Retry_after_is_whole_seconds_of_the_exhausted_limit()
    {
        var decision = new RateLimitDecision(new RateLimitQuota(3, 0, TimeSpan.FromMilliseconds(1200)), new RateLimitQuota(100, 50, TimeSpan.FromSeconds(30)), "requests");

        Assert.Equal(2, decision.RetryAfterSeconds);
        Assert.Equal(0, (decision with { RejectedBy = null }).RetryAfterSeconds);
    }
}
