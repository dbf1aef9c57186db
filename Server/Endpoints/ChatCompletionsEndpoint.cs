using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: OpenAI Chat Completions over the local model.</summary>
internal static class ChatCompletionsEndpoint
{
    private static readonly HashSet<string> Roles = ["system", "developer", "user", "assistant", "tool", "ipython"];

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

        if ((Validate(request!) ?? modelCheck.Check(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        var route = RouteRequest.FromChat(request!, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]);
        var call = new CompletionCall(http, UpstreamEndpoint.ChatCompletions, body!, request!, request!.Model, request.Stream == true, route);
        return new OpenAiOutcomeResult(backend.CompleteAsync(call, http.RequestAborted), call.Stream);
    }

    private static ErrorResult? Validate(ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            return OpenAiError.BadRequest("'messages' must be a non-empty array of messages.", "messages");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is null || !Roles.Contains(messages[i].Role ?? string.Empty))
            {
                return OpenAiError.BadRequest($"messages[{i}].role must be one of: {string.Join(", ", Roles)}.", $"messages[{i}].role");
            }
        }

        return SamplingRequestValidator.Validate(request, request.EffectiveMaxTokens) is { } problem
            ? OpenAiError.BadRequest(problem.Message, problem.Param)
            : null;
    }
}
