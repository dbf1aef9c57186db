using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Cache;

namespace LocalOpenAi.Tests.Cache;

public sealed class CachePolicyTests
{
    private static readonly CacheOptions Defaults = new() { DefaultTtl = TimeSpan.FromMinutes(10), MaxTtl = TimeSpan.FromHours(1) };

    private static CacheDecision Decide(string body, CacheOptions? options = null, string? cacheControl = null, string? ttl = null)
    {
        using var document = JsonDocument.Parse(body);
        return new CachePolicy(options ?? Defaults).Decide(document.RootElement, cacheControl, ttl);
    }

    [Theory]
    [InlineData("""{"temperature":0}""")]
    [InlineData("""{"temperature":0.0,"top_p":0.9}""")]
    [InlineData("""{"temperature":1.2,"seed":42}""")]
    [InlineData("""{"seed":0}""")]
    public void Deterministic_requests_are_cached_with_the_default_ttl(string body)
    {
        Assert.Equal(CacheDecision.Use(TimeSpan.FromMinutes(10)), Decide(body));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"temperature":0.7}""")]
    [InlineData("""{"temperature":0.7,"seed":null}""")]
    [InlineData("""{"temperature":"0"}""")]
    public void Random_sampling_bypasses_by_default(string body)
    {
        Assert.Equal(CacheDecision.Bypass(CacheBypassReason.NonDeterministic), Decide(body));
    }

    [Fact]
    public void Cache_non_deterministic_setting_caches_everything()
    {
        var options = new CacheOptions { CacheNonDeterministic = true };

        Assert.True(Decide("""{"temperature":0.7}""", options).UseCache);
    }

    [Theory]
    [InlineData("no-cache")]
    [InlineData("No-Cache")]
    [InlineData("max-age=0, no-store")]
    public void Cache_control_no_cache_bypasses(string header)
    {
        Assert.Equal(CacheDecision.Bypass(CacheBypassReason.NoCacheRequested), Decide("""{"temperature":0}""", cacheControl: header));
    }

    [Fact]
    public void Other_cache_control_directives_do_not_bypass()
    {
        Assert.True(Decide("""{"temperature":0}""", cacheControl: "max-age=60").UseCache);
    }

    [Fact]
    public void Disabled_cache_bypasses_everything()
    {
        Assert.Equal(CacheDecision.Bypass(CacheBypassReason.Disabled), Decide("""{"temperature":0}""", new CacheOptions { Enabled = false }));
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 30 ", 30)]
    [InlineData("999999", 3600)]
    [InlineData("99999999999999999999", 600)]
    [InlineData("abc", 600)]
    [InlineData("-5", 600)]
    public void Requested_ttl_is_honoured_within_the_maximum(string header, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Decide("""{"temperature":0}""", ttl: header).Ttl);
    }

    [Fact]
    public void Requested_ttl_of_zero_bypasses()
    {
        Assert.Equal(CacheDecision.Bypass(CacheBypassReason.ZeroTtlRequested), Decide("""{"temperature":0}""", ttl: "0"));
    }

    [Fact]
    public void JsonNode_overload_decides_the_same()
    {
        var decision = new CachePolicy(Defaults).Decide(JsonNode.Parse("""{"seed":7}""")!, null, "60");

        Assert.Equal(CacheDecision.Use(TimeSpan.FromSeconds(60)), decision);
    }
}
