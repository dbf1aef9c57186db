using LocalOpenAi.Server.Cli;
using Microsoft.Extensions.Configuration;

namespace LocalOpenAi.Tests.Server.Cli;

public sealed class CommandLineSwitchesTests
{
    [Fact]
    public void Repeated_api_keys_become_a_list_and_bare_flags_become_true()
    {
        string[] args = ["--port", "0", "--api-key", "sk-a alice", "--embeddings", "--api-key=sk-b", "--api-key", "sk-c"];

        var configuration = Parse(args);

        Assert.Equal(["sk-a alice", "sk-b", "sk-c"], configuration.GetSection("Security:ApiKeys").Get<string[]>()!);
        Assert.Equal("true", configuration["Inference:Embeddings"]);
        Assert.Equal("0", configuration["Server:Port"]);
    }

    [Fact]
    public void An_api_key_followed_by_an_owner_word_keeps_the_owner()
    {
        var configuration = Parse(["--api-key", "sk-a", "alice", "--api-key", "sk-b", "--port", "0", "--api-key=sk-c", "carol", "--api-key", "sk-d"]);

        Assert.Equal(["sk-a alice", "sk-b", "sk-c carol", "sk-d"], configuration.GetSection("Security:ApiKeys").Get<string[]>()!);
        Assert.Equal("0", configuration["Server:Port"]);
    }

    [Fact]
    public void Redis_and_upstream_flags_map_onto_their_sections()
    {
        var configuration = Parse(["--redis", "127.0.0.1:6380", "--upstream-url", "http://127.0.0.1:9/v1", "--upstream-key", "sk-up", "--strategy", "hybrid"]);

        Assert.Equal("127.0.0.1:6380", configuration["Cache:Redis"]);
        Assert.Equal("redis", configuration["Cache:Store"]);
        Assert.Equal("http://127.0.0.1:9/v1", configuration["Upstream:Url"]);
        Assert.Equal("sk-up", configuration["Upstream:Key"]);
        Assert.Equal("hybrid", configuration["Router:Strategy"]);
    }

    private static IConfigurationRoot Parse(string[] args) =>
        new ConfigurationBuilder().AddCommandLine(CommandLineSwitches.Normalize(args), new Dictionary<string, string>(CommandLineSwitches.Mappings)).Build();
}
