using LocalOpenAi.Router.Classification;
using LocalOpenAi.Router.Routing;

namespace LocalOpenAi.Tests.Router;

public sealed class RequestRouterTests
{
    private const string Simple = "What's the capital of Peru?";
    private const string Complex = "Implement a thread-safe LRU cache in C# with unit tests.";

    private static RequestRouter Router(RoutingStrategy strategy = RoutingStrategy.Hybrid) => new(new RouterOptions
    {
        Strategy = strategy,
        Rules =
        [
            new AgentRule { Match = "analyst-*", Route = RouteTarget.Local },
            new AgentRule { Match = "decision-*", Route = RouteTarget.Cloud },
        ],
        UpstreamAliases = { ["gpt-4o"] = "gpt-4o", ["smart"] = "gpt-4.1" },
    });

    private static RouteRequest Request(string prompt, string? model = null, string? agent = null, string? user = null, string? prefer = null) =>
        new(ClassificationInput.FromPrompt(prompt, agent: agent ?? user), model, agent, user, prefer);

    [Fact]
    public void Hybrid_sends_simple_local_and_complex_to_the_cloud_with_reasons()
    {
        var router = Router();

        var simple = router.Decide(Request(Simple));
        var complex = router.Decide(Request(Complex));

        Assert.Equal(RouteTarget.Local, simple.Route);
        Assert.Equal(RouteTarget.Cloud, complex.Route);
        Assert.Equal(Complexity.Complex, complex.Complexity);
        Assert.StartsWith("complex score ", complex.Reason, StringComparison.Ordinal);
        Assert.Contains("(complex +", complex.Reason, StringComparison.Ordinal);
        Assert.Equal("gpt-4o", complex.UpstreamModel);
    }

    [Fact]
    public void Moderate_requests_take_the_configured_moderate_route()
    {
        var decision = Router().Decide(Request("Explain how a Bloom filter works and when you'd use one."));

        Assert.Equal(Complexity.Moderate, decision.Complexity);
        Assert.Equal(RouteTarget.Hybrid, decision.Route);
    }

    [Theory]
    [InlineData(RoutingStrategy.LocalOnly, RouteTarget.Local)]
    [InlineData(RoutingStrategy.CloudOnly, RouteTarget.Cloud)]
    public void Fixed_strategies_ignore_headers_rules_and_aliases(RoutingStrategy strategy, RouteTarget expected)
    {
        var router = Router(strategy);

        var decision = router.Decide(Request(Complex, model: "gpt-4o", agent: "analyst-1", prefer: expected == RouteTarget.Local ? "cloud" : "local"));

        Assert.Equal(expected, decision.Route);
        Assert.Equal($"strategy {strategy.ToWireName()}", decision.Reason);
        Assert.Equal(Complexity.Complex, decision.Complexity);
    }

    [Fact]
    public void The_prefer_header_overrides_rules_and_the_classifier()
    {
        var router = Router();

        Assert.Equal(RouteTarget.Local, router.Decide(Request(Complex, agent: "decision-bot", prefer: "local")).Route);
        Assert.Equal(RouteTarget.Cloud, router.Decide(Request(Simple, prefer: "CLOUD")).Route);
        Assert.Equal(RouteTarget.Local, router.Decide(Request(Simple, prefer: "nonsense")).Route);
    }

    [Fact]
    public void Agent_rules_match_the_header_then_the_user_field_then_the_model()
    {
        var router = Router();

        var analyst = router.Decide(Request(Complex, agent: "analyst-eu"));
        var decider = router.Decide(Request(Simple, user: "decision-credit"));
        var headerFirst = router.Decide(Request(Simple, agent: "analyst-1", user: "decision-credit"));

        Assert.Equal((RouteTarget.Local, "rule analyst-* matched agent analyst-eu"), (analyst.Route, analyst.Reason));
        Assert.Equal((RouteTarget.Cloud, "rule decision-* matched user decision-credit"), (decider.Route, decider.Reason));
        Assert.Equal(RouteTarget.Local, headerFirst.Route);
    }

    [Fact]
    public void Upstream_aliases_go_to_the_cloud_unless_a_rule_keeps_them_local()
    {
        var router = Router();
        var keepLocal = new RequestRouter(new RouterOptions
        {
            Rules = [new AgentRule { Match = "gpt-4o", Route = RouteTarget.Local }],
            UpstreamAliases = { ["gpt-4o"] = "gpt-4o" },
        });

        var aliased = router.Decide(Request(Simple, model: "smart"));

        Assert.Equal((RouteTarget.Cloud, "upstream model smart", "gpt-4.1"), (aliased.Route, aliased.Reason, aliased.UpstreamModel));
        Assert.Equal(RouteTarget.Local, keepLocal.Decide(Request(Simple, model: "gpt-4o")).Route);
        Assert.True(router.IsUpstreamAlias("GPT-4O"));
    }

    [Fact]
    public void Local_fallback_routes_hybrid_and_the_strategy_can_change_at_run_time()
    {
        var router = Router(RoutingStrategy.LocalFallback);

        Assert.Equal(RouteTarget.Hybrid, router.Decide(Request(Complex)).Route);

        router.Strategy = RoutingStrategy.CloudOnly;
        Assert.Equal(RouteTarget.Cloud, router.Decide(Request(Simple)).Route);
        Assert.Throws<ArgumentOutOfRangeException>(() => router.Strategy = (RoutingStrategy)42);
    }

    [Fact]
    public void The_reason_header_is_ascii_even_for_foreign_agent_names()
    {
        var decision = Router().Decide(Request(Simple, agent: "analyst-日本"));

        Assert.Equal("rule analyst-* matched agent analyst-??", decision.Reason);
    }
}
