using System.Text.Json.Nodes;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Backends;

/// <summary>One validated completion request, in OpenAI's chat or legacy completions shape, ready for any backend.</summary>
/// <param name="Http">The exchange it serves: the caller's identity, request id, and the response headers backends set.</param>
/// <param name="Body">The body as sent (or as a front-end translated it): the cache key and what goes upstream.</param>
/// <param name="Request">The parsed request: <see cref="ChatCompletionRequest"/> or <see cref="CompletionRequest"/>.</param>
internal sealed record CompletionCall(
    HttpContext Http,
    UpstreamEndpoint Endpoint,
    JsonObject Body,
    object Request,
    string? Model,
    bool Stream,
    RouteRequest Route)
{
    /// <summary>The local alias to run on; null for the default (a rule may send an upstream alias local).</summary>
    public string? LocalAlias { get; init; } = Model;

    /// <summary>The upstream model to ask for, once the router chose the cloud.</summary>
    public string? UpstreamModel { get; init; }

    /// <summary>Which backend answers, as the router chose it (<c>local:ALIAS</c>, <c>cloud:MODEL</c>): the cache keeps answers apart by it.</summary>
    public string Backend { get; init; } = string.Empty;

    /// <summary>
    /// Whether <c>max_tokens</c> is a ceiling rather than a demand: Anthropic's API requires the field, and its clients ask
    /// for more (4,096 to 32,000) than a local slot holds, so a local model answers within the room its context leaves,
    /// ending with <c>max_tokens</c> when it fills, as llama-server does. OpenAI's paths keep OpenAI's rule: a prompt plus
    /// <c>max_tokens</c> beyond the context is a 400.
    /// </summary>
    public bool MaxTokensIsCeiling { get; init; }

    /// <summary>Whether a local answer reports its tokens' log-probabilities to the router (<see cref="JsonOutcome.TokenLogprobs"/>), asked for by the client or not.</summary>
    public bool MeasureLogprobs { get; init; }

    public ChatCompletionRequest? Chat => Request as ChatCompletionRequest;

    public string Path => Endpoint == UpstreamEndpoint.ChatCompletions ? "/v1/chat/completions" : "/v1/completions";

    /// <summary>Whether the client asked for a final usage event in a stream (it changes the stream's shape).</summary>
    public bool IncludeUsage => Body["stream_options"] is JsonObject options && options["include_usage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
