using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Tests.Server.Upstream;

public sealed class UpstreamOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/v1/")]
    [InlineData("http://127.0.0.1:9000/", "http://127.0.0.1:9000/v1/")]
    [InlineData("http://127.0.0.1:9000/v1", "http://127.0.0.1:9000/v1/")]
    [InlineData("https://api.example.com/openai/v1/", "https://api.example.com/openai/v1/")]
    public void The_url_is_normalised_with_or_without_v1(string url, string expected) =>
        Assert.Equal(expected, UpstreamOptions.Normalize(url)?.ToString());

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new UpstreamOptions
        {
            Url = "ftp://nowhere",
            ReadTimeout = TimeSpan.Zero,
            MaxRetries = -1,
            CircuitFailureRatio = 2,
            CircuitMinimumThroughput = 1,
            CircuitBreakDuration = TimeSpan.FromMilliseconds(10),
        };

        var result = new UpstreamOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
    }

    [Fact]
    public void Defaults_are_valid_and_not_configured() =>
        Assert.True(new UpstreamOptionsValidator().Validate(null, new UpstreamOptions()).Succeeded);

    [Fact]
    public void Models_map_through_the_alias_table_case_insensitively()
    {
        var options = new UpstreamOptions { ModelMap = new(StringComparer.OrdinalIgnoreCase) { ["smart"] = "gpt-4o" } };

        Assert.Equal("gpt-4o", options.MapModel("SMART"));
        Assert.Equal("other", options.MapModel("other"));
    }
}
