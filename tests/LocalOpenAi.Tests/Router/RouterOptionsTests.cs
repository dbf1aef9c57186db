using LocalOpenAi.Router.Routing;
using Microsoft.Extensions.Configuration;

namespace LocalOpenAi.Tests.Router;

public sealed class RouterOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new RouterOptions().Validate());
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new RouterOptions
        {
            Rules = [new AgentRule { Match = " ", Route = RouteTarget.Cloud }],
            ReferenceModel = "unknown-model",
            Prices = { ["cheap"] = new ModelPrice { InputPerMillion = -1 } },
            Classifier = { ModerateThreshold = double.NaN },
        };

        var errors = options.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("Rules:0:Match", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ReferenceModel", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Prices:cheap", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Router:Classifier:ModerateThreshold", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new RequestRouter(options));
    }

    [Fact]
    public void Options_bind_from_configuration_with_wire_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:Strategy"] = "local_fallback",
            ["Router:ModerateRoute"] = "local",
            ["Router:Rules:0:Match"] = "analyst-*",
            ["Router:Rules:0:Route"] = "local",
            ["Router:Rules:1:Match"] = "decision-*",
            ["Router:Rules:1:Route"] = "cloud",
            ["Router:UpstreamAliases:smart"] = "gpt-4.1",
            ["Router:Prices:my-model:InputPerMillion"] = "1.5",
            ["Router:Prices:my-model:OutputPerMillion"] = "6",
            ["Router:ReferenceModel"] = "my-model",
            ["Router:Classifier:ComplexThreshold"] = "0.35",
            ["Router:Classifier:AgentBias:support-*"] = "-0.5",
        }).Build();

        var options = configuration.GetSection(RouterOptions.Section).Get<RouterOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal(RoutingStrategy.LocalFallback, options.Strategy);
        Assert.Equal(RouteTarget.Local, options.ModerateRoute);
        Assert.Equal(RouteTarget.Cloud, options.Rules[1].Route);
        Assert.Equal("gpt-4.1", options.UpstreamAliases["SMART"]);
        Assert.Equal(6m, options.Prices["my-model"].OutputPerMillion);
        Assert.True(options.Prices.ContainsKey("gpt-4o"));
        Assert.Equal(0.35, options.Classifier.ComplexThreshold);
        Assert.Equal(-0.5, options.Classifier.AgentBias["support-*"]);
    }

    [Theory]
    [InlineData("local_only", RoutingStrategy.LocalOnly)]
    [InlineData("CloudOnly", RoutingStrategy.CloudOnly)]
    [InlineData("local-fallback", RoutingStrategy.LocalFallback)]
    [InlineData(" hybrid ", RoutingStrategy.Hybrid)]
    [InlineData("claude_only", RoutingStrategy.CloudOnly)]
    public void Strategies_parse_from_wire_and_member_names(string text, RoutingStrategy expected)
    {
        Assert.True(RouterWireNames.TryParseStrategy(text, out var strategy));
        Assert.Equal(expected, strategy);
        Assert.False(RouterWireNames.TryParseStrategy("cloudy", out _));
    }

    [Fact]
    public void Wire_names_are_snake_case()
    {
        Assert.Equal(["local_only", "cloud_only", "hybrid", "local_fallback", "local_first"], Enum.GetValues<RoutingStrategy>().Select(s => s.ToWireName()));
        Assert.Equal(["local", "cloud", "hybrid"], Enum.GetValues<RouteTarget>().Select(r => r.ToWireName()));
        Assert.Equal("complex", LocalOpenAi.Router.Classification.Complexity.Complex.ToWireName());
    }
}
