using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/completions</c>: OpenAI legacy completions, one or several prompts, <c>n</c> choices each.</summary>
internal static class CompletionsEndpoint
{
    private const int MaxPrompts = 16;

    public static IEndpointRouteBuilder MapCompletions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/completions", HandleAsync).WithName("CreateCompletion").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ICompletionBackend backend, ModelNameCheck modelCheck)
    {
        var (request, body, error) = await JsonBody.ReadWithRawAsync(http.Request, OpenAiJson.Default.CompletionRequest);
        if (error is not null)
        {
            return error;
        }

        if ((Validate(request!) ?? modelCheck.Check(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        var route = RouteRequests.FromCompletion(request!, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]);
        var call = new CompletionCall(http, UpstreamEndpoint.Completions, body!, request!, request!.Model, request.Stream == true, route);
        return new OutcomeResult(backend.CompleteAsync(call, http.RequestAborted), call.Stream, OpenAiDialect.Instance);
    }

    private static ErrorResult? Validate(CompletionRequest request)
    {
        if (request.Prompt is not { Count: > 0 and <= MaxPrompts } prompts || prompts.Any(prompt => prompt.Text is null && prompt.Tokens is not { Count: > 0 }))
        {
            return OpenAiError.BadRequest($"'prompt' must be a string, or 1 to {MaxPrompts} prompts; token prompts must not be empty.", "prompt");
        }

        if (request.Logprobs is < 0 or > 20)
        {
            return OpenAiError.BadRequest("'logprobs' must be between 0 and 20.", "logprobs");
        }

        return SamplingRequestValidator.Validate(request, request.MaxTokens) is { } problem
            ? OpenAiError.BadRequest(problem.Message, problem.Param)
            : null;
    }
}
