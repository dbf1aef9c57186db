namespace LocalOpenAi.Router.Routing;

/// <summary>
/// Sends the requests of matching agents (or models) to a fixed route, e.g. <c>analyst-*</c> → local,
/// <c>decision-*</c> → cloud.
/// </summary>
/// <remarks>
/// <see cref="Match"/> is a case-insensitive glob (<c>*</c>, <c>?</c>) compared with the <c>X-Agent-Name</c>
/// header, then the <c>user</c> field, then the requested model alias. Rules are tried in order; the first match wins.
/// </remarks>
public sealed class AgentRule
{
    /// <summary>Glob over agent names, user ids or model aliases.</summary>
    public string Match { get; set; } = string.Empty;

    /// <summary>Where matching requests go.</summary>
    public RouteTarget Route { get; set; } = RouteTarget.Local;
}
