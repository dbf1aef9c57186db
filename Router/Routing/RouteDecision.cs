using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Routing;

/// <summary>Where a request goes and why.</summary>
/// <param name="Route">Local, cloud, or hybrid (local first, cloud when local fails or is unavailable).</param>
/// <param name="Complexity">The classifier's class.</param>
/// <param name="Score">The classifier's score.</param>
/// <param name="Reasons">The classifier's feature lines.</param>
/// <param name="Reason">A one-line ASCII explanation for the <c>X-Route-Reason</c> header.</param>
/// <param name="UpstreamModel">The upstream model to call when the request goes (or escalates) to the cloud.</param>
public sealed record RouteDecision(
    RouteTarget Route,
    Complexity Complexity,
    double Score,
    IReadOnlyList<string> Reasons,
    string Reason,
    string UpstreamModel);
