using LocalOpenAi.Server.Security;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class SecurityOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_open()
    {
        Assert.Empty(new SecurityOptions().Validate());
        Assert.Empty(new RateLimitOptions().Validate());
        Assert.Empty(new CrossOriginOptions().Validate());
        Assert.False(new RateLimitOptions().Enabled);
    }

    [Fact]
    public void All_errors_are_listed_and_no_key_is_quoted()
    {
        var options = new SecurityOptions
        {
            ApiKeys = ["sk-dup-key-1", "sk-dup-key-1", "a b c", ""],
            AdminKey = "sk-dup-key-1",
            ApiKeyFile = "/no/such/file",
        };

        var errors = options.Validate();

        Assert.Equal(5, errors.Count);
        Assert.DoesNotContain(errors, error => error.Contains("sk-dup"));
    }

    [Fact]
    public void Rate_limit_and_cors_errors_are_listed()
    {
        var limits = new RateLimitOptions { RequestLimit = -1, Window = TimeSpan.Zero, Store = RateLimitStoreKind.Redis };
        var cors = new CrossOriginOptions { AllowedOrigins = ["https://ok.example", "https://x.example/path", "ftp://x"] };

        Assert.Equal(3, limits.Validate().Count);
        Assert.Equal(2, cors.Validate().Count);
    }

    [Fact]
    public async Task Invalid_configuration_stops_start_up_with_every_error()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SecurityTestHost.StartAsync("RateLimits:RequestLimit=-1", "RateLimits:Window=00:00:00"));

        Assert.Contains("RateLimits:RequestLimit", error.Message);
        Assert.Contains("RateLimits:Window", error.Message);
    }
}
