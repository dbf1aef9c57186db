using LocalOpenAi.Server.Cli;
using Microsoft.Extensions.Configuration;
using LocalOpenAi.Server.Commands;

namespace LocalOpenAi.Tests.Server.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public void Repeated_api_keys_become_a_list_with_the_owner_as_one_or_two_words()
    {
        var configuration = Parse(["--port", "0", "--api-key", "sk-a alice", "--embeddings", "--api-key=sk-b", "--api-key", "sk-c", "carol"]);

        Assert.Equal(["sk-a alice", "sk-b", "sk-c carol"], configuration.GetSection("Security:ApiKeys").Get<string[]>()!);
        Assert.Equal("true", configuration["Inference:Embeddings"]);
        Assert.Equal("0", configuration["Server:Port"]);
    }

    [Fact]
    public void Flags_map_onto_their_sections_and_redis_selects_the_redis_store()
    {
        var configuration = Parse(["--redis", "127.0.0.1:6380", "--upstream-url", "http://127.0.0.1:9/v1", "--strategy", "local_only", "-ngl", "-1", "--admin-key", "sk-admin", "--log-format", "json"]);

        Assert.Equal("127.0.0.1:6380", configuration["Cache:Redis"]);
        Assert.Equal("redis", configuration["Cache:Store"]);
        Assert.Equal("http://127.0.0.1:9/v1", configuration["Upstream:Url"]);
        Assert.Equal("local_only", configuration["Router:Strategy"]);
        Assert.Equal("-1", configuration["Inference:GpuLayers"]);
        Assert.Equal("sk-admin", configuration["Security:AdminKey"]);
        Assert.Equal("json", configuration["Logging:Console:FormatterName"]);
    }

    [Fact]
    public void Any_configuration_key_passes_as_section_key_flag_and_defaults_are_not_set()
    {
        var configuration = Parse(["--Cache:MaxEntries=2", "--Router:ModerateRoute", "local", "--set", "Feedback:ExchangeCapacity=5"]);

        Assert.Equal("2", configuration["Cache:MaxEntries"]);
        Assert.Equal("local", configuration["Router:ModerateRoute"]);
        Assert.Equal("5", configuration["Feedback:ExchangeCapacity"]);
        Assert.Null(configuration["Server:Port"]);
    }

    [Theory]
    [InlineData("--prot", "8081")]
    [InlineData("--port", "eighty")]
    [InlineData("--strategy", "cheapest")]
    [InlineData("--model")]
    public void A_bad_flag_is_a_command_line_error(params string[] args) =>
        Assert.Throws<CommandLineException>(() => ServeCommand.ParseSettings(args));

    [Fact]
    public async Task An_unknown_option_exits_2_with_a_suggestion_before_anything_starts()
    {
        using var error = new StringWriter();

        var exit = await ServerCommandLine.InvokeAsync(["--prot", "18102"], TextWriter.Null, error);

        Assert.Equal(ServerCommandLine.UsageError, exit);
        Assert.Contains("'--prot' is not an option of 'serve'. Did you mean --port?", error.ToString());
        Assert.Contains("--port", error.ToString());
    }

    [Fact]
    public async Task Version_prints_the_version_and_refuses_other_flags()
    {
        using var output = new StringWriter();

        Assert.Equal(0, await ServerCommandLine.InvokeAsync(["--version"], output, TextWriter.Null));
        Assert.Matches(@"^\d+\.\d+\.\d+", output.ToString());
        Assert.Equal(ServerCommandLine.UsageError, await ServerCommandLine.InvokeAsync(["--version", "--port", "18102"], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        using var output = new StringWriter();

        Assert.Equal(0, await ServerCommandLine.InvokeAsync(["--help"], output, TextWriter.Null));
        foreach (var command in new[] { "serve", "make-model", "pull", "calibrate-router", "export-feedback" })
        {
            Assert.Contains($"  {command}", output.ToString());
        }
    }

    [Theory]
    [InlineData("serve", "--port <port>", "[default: 8080]")]
    [InlineData("serve", "--parallel <parallel>", "[default: 4]")]
    [InlineData("make-model", "--preset", "[default: tiny]")]
    [InlineData("calibrate-router", "--cloud-share", "[default: 0.2]")]
    [InlineData("export-feedback", "--min-rating", "[default: 4]")]
    [InlineData("pull", "hf:OWNER/REPO[:QUANT]", "Q4_K_M")]
    public async Task Help_on_each_command_lists_its_options_with_defaults(string command, string option, string shown)
    {
        using var output = new StringWriter();

        Assert.Equal(0, await ServerCommandLine.InvokeAsync([command, "--help"], output, TextWriter.Null));
        Assert.Contains(output.ToString().Split('\n'), line => line.Contains(option, StringComparison.Ordinal) && line.Contains(shown, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_serve_flag_in_help_has_a_description()
    {
        Assert.All(ServeFlags.All, flag => Assert.False(string.IsNullOrWhiteSpace(flag.Description)));
        Assert.Equal(ServeFlags.All.Count, ServeFlags.All.Select(flag => flag.Name).Distinct().Count());
    }

    private static IConfigurationRoot Parse(string[] args) =>
        new ConfigurationBuilder().AddInMemoryCollection(ServeCommand.ParseSettings(args)).Build();
}
