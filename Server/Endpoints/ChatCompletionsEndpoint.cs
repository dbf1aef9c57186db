using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: OpenAI Chat Completions over the local model.</summary>
internal static class ChatCompletionsEndpoint
{
    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/chat/completions", HandleAsync).WithName("CreateChatCompletion").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ICompletionBackend backend, ModelNameCheck modelCheck)
    {
        var (request, body, error) = await JsonBody.ReadWithRawAsync(http.Request, OpenAiJson.Default.ChatCompletionRequest);
        if (error is not null)
        {
            return error;
        }

        if ((ChatRequestValidator.Validate(request!) ?? modelCheck.Check(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        var route = RouteRequest.FromChat(request!, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]);
        var call = new CompletionCall(http, UpstreamEndpoint.ChatCompletions, body!, request!, request!.Model, request.Stream == true, route);
        return new OutcomeResult(backend.CompleteAsync(call, http.RequestAborted), call.Stream, OpenAiDialect.Instance);
    }
}
