using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Routing;

/// <summary>One validated completion request, ready for the cache, the router and a backend.</summary>
/// <param name="Body">The body as sent, for the cache key and for forwarding upstream.</param>
/// <param name="Chat">The chat request, when <paramref name="Endpoint"/> is chat (hybrid compression needs its messages).</param>
/// <param name="Local">Runs the request on the local model; <c>useDefaultModel</c> when a rule sends an upstream alias local.</param>
internal sealed record CompletionCall(
    UpstreamEndpoint Endpoint,
    JsonObject Body,
    string? Model,
    bool Stream,
    RouteRequest Route,
    ChatCompletionRequest? Chat,
    Func<ResponseCapture?, bool, Task<IResult>> Local)
{
    public string Path => Endpoint == UpstreamEndpoint.ChatCompletions ? "/v1/chat/completions" : "/v1/completions";
}
