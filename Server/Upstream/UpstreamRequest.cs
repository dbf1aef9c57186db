using System.Text.Json.Nodes;

namespace LocalOpenAi.Server.Upstream;

/// <summary>One OpenAI request to send upstream.</summary>
/// <param name="Endpoint">Which operation.</param>
/// <param name="Body">The client's request body; it is not modified (the forwarder sends a copy).</param>
/// <param name="Model">The model to ask for (e.g. <c>RouteDecision.UpstreamModel</c>); mapped through <see cref="UpstreamOptions.ModelMap"/>.</param>
internal sealed record UpstreamRequest(UpstreamEndpoint Endpoint, JsonObject Body, string Model)
{
    /// <summary>Whether the body asks for a stream (<c>"stream": true</c>).</summary>
    public bool Stream => Body["stream"] is JsonValue value && value.TryGetValue<bool>(out var stream) && stream;

    /// <summary>The path under the upstream base URI.</summary>
    public string RelativePath => Endpoint switch
    {
        UpstreamEndpoint.ChatCompletions => "chat/completions",
        UpstreamEndpoint.Messages => "messages",
        _ => "completions",
    };
}
