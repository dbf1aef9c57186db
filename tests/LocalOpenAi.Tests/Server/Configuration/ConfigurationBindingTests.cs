using LocalOpenAi.Server.Cli;
using LocalOpenAi.Server.Commands;
using LocalOpenAi.Server.Configuration;
using LocalOpenAi.Server.Models;
using LocalOpenAi.Server.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Tests.Server.Configuration;

/// <summary>Options are read one way, while composing or at start: bound from their section and checked at once, every error naming its key.</summary>
public sealed class ConfigurationBindingTests
{
    [Fact]
    public void Options_read_while_composing_list_every_annotation_error_and_the_extra_checks_naming_the_keys()
    {
        var error = Assert.Throws<CommandLineException>(() => ConfigurationBinding.Get<ServerOptions>(
            Settings(("Server:Port", "70000"), ("Server:MaxRequestBodyBytes", "10")), ServerOptions.Section, _ => ["Server:Host is checked too."]));

        Assert.StartsWith("invalid configuration: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server:Port: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server:MaxRequestBodyBytes: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server:Host is checked too.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_read_while_composing_bind_their_section_or_keep_the_defaults()
    {
        Assert.Equal(9000, ConfigurationBinding.Get<ServerOptions>(Settings(("Server:Port", "9000")), ServerOptions.Section).Port);
        Assert.Equal(new ServerOptions().Port, ConfigurationBinding.Get<ServerOptions>(Settings(), ServerOptions.Section).Port);
    }

    [Theory]
    [InlineData("Inference:Parallel", "four")]
    [InlineData("Inference:DrainTimeout", "soon")]
    public void A_value_that_does_not_convert_is_a_configuration_error_naming_its_key_whichever_way_it_is_read(string key, string value)
    {
        var composing = Assert.Throws<CommandLineException>(() => ConfigurationBinding.Get<InferenceOptions>(Settings((key, value)), InferenceOptions.Section));
        var starting = Assert.Throws<CommandLineException>(() => Registered<InferenceOptions>(InferenceOptions.Section, (key, value)));

        Assert.All([composing.Message, starting.Message], message => Assert.Contains($"'{key}'", message, StringComparison.Ordinal));
    }

    [Fact]
    public void Registered_options_fail_at_start_with_every_error_naming_its_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Registered<InferenceOptions>(InferenceOptions.Section, ("Inference:Parallel", "0"), ("Inference:QueueSize", "0")));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, failure => failure.StartsWith("Inference:Parallel: ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("Inference:QueueSize: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_cache_settings_stop_the_server_being_built_with_one_configuration_error()
    {
        var error = Assert.Throws<CommandLineException>(() => ServeCommand.BuildApplication(["--Cache:Database=20", "--Cache:MaxTtl=00:00:00"]));

        Assert.StartsWith("invalid configuration: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cache:Database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cache:MaxTtl", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();

    /// <summary>The value of options registered with <see cref="OptionsRegistration.AddValidatedOptions"/>, read as the host reads it at start.</summary>
    private static T Registered<T>(string section, params (string Key, string Value)[] settings)
        where T : class
    {
        using var services = new ServiceCollection().AddValidatedOptions<T>(Settings(settings), section).Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
