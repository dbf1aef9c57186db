using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Classification;

namespace LocalOpenAi.Router.Routing;

/// <summary>What the router needs to know about one request.</summary>
/// <param name="Input">The classifier's view of the request.</param>
/// <param name="Model">The requested model alias, if any.</param>
/// <param name="AgentName">The <c>X-Agent-Name</c> header.</param>
/// <param name="User">The body's <c>user</c> field.</param>
/// <param name="Prefer">The raw <c>X-Route-Prefer</c> header (<c>local</c> or <c>cloud</c>).</param>
public sealed record RouteRequest(
    ClassificationInput Input,
    string? Model = null,
    string? AgentName = null,
    string? User = null,
    string? Prefer = null)
{
    /// <summary>Builds the routing view of a chat request and its headers.</summary>
    public static RouteRequest FromChat(ChatCompletionRequest request, string? agentName = null, string? prefer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RouteRequest(ClassificationInput.FromChat(request, agentName), request.Model, agentName, request.User, prefer);
    }
}
