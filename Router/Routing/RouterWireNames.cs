using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Routing;

/// <summary>The wire names of the router's enums (<c>local_only</c>, <c>cloud</c>, <c>complex</c>...) and their parsing.</summary>
public static class RouterWireNames
{
    /// <summary><c>local_only</c>, <c>cloud_only</c>, <c>hybrid</c>, <c>local_fallback</c> or <c>local_first</c>.</summary>
    public static string ToWireName(this RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.LocalOnly => "local_only",
        RoutingStrategy.CloudOnly => "cloud_only",
        RoutingStrategy.LocalFirst => "local_first",
        RoutingStrategy.Hybrid => "hybrid",
        RoutingStrategy.LocalFallback => "local_fallback",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    /// <summary><c>local</c>, <c>cloud</c> or <c>hybrid</c>.</summary>
    public static string ToWireName(this RouteTarget route) => route switch
    {
        RouteTarget.Local => "local",
        RouteTarget.Cloud => "cloud",
        RouteTarget.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary><c>simple</c>, <c>moderate</c> or <c>complex</c>.</summary>
    public static string ToWireName(this Complexity complexity) => complexity switch
    {
        Complexity.Simple => "simple",
        Complexity.Moderate => "moderate",
        Complexity.Complex => "complex",
        _ => throw new ArgumentOutOfRangeException(nameof(complexity), complexity, null),
    };

    /// <summary>Parses a strategy's wire name (or member name), ignoring case and <c>-</c>/<c>_</c>; <c>claude_only</c> is <c>cloud_only</c> (with an Anthropic upstream).</summary>
    public static bool TryParseStrategy(string? text, out RoutingStrategy strategy)
    {
        strategy = Normalize(text) switch
        {
            "localonly" => RoutingStrategy.LocalOnly,
            "cloudonly" or "claudeonly" => RoutingStrategy.CloudOnly,
            "hybrid" => RoutingStrategy.Hybrid,
            "localfallback" => RoutingStrategy.LocalFallback,
            "localfirst" => RoutingStrategy.LocalFirst,
            _ => (RoutingStrategy)(-1),
        };
        return Enum.IsDefined(strategy);
    }

    /// <summary>Parses <c>local</c>, <c>cloud</c> or <c>hybrid</c>, ignoring case.</summary>
    public static bool TryParseRoute(string? text, out RouteTarget route)
    {
        route = Normalize(text) switch
        {
            "local" => RouteTarget.Local,
            "cloud" => RouteTarget.Cloud,
            "hybrid" => RouteTarget.Hybrid,
            _ => (RouteTarget)(-1),
        };
        return Enum.IsDefined(route);
    }

    private static string Normalize(string? text) =>
        (text ?? string.Empty).Trim().Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
