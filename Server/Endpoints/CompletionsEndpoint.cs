using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/completions</c>: OpenAI legacy completions, one or several prompts, <c>n</c> choices each.</summary>
public static class CompletionsEndpoint
{
    private const int MaxPrompts = 16;

    public static IEndpointRouteBuilder MapCompletions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/completions", HandleAsync).WithName("CreateCompletion").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelManager models, CompletionPipeline pipeline, UsageRecorder usage)
    {
        var (request, body, error) = await JsonBody.ReadWithRawAsync(http.Request, OpenAiJson.Default.CompletionRequest);
        if (error is not null)
        {
            return error;
        }

        if ((Validate(request!) ?? pipeline.CheckModel(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        return await pipeline.RunAsync(http, new CompletionCall(
            UpstreamEndpoint.Completions,
            body!,
            request!.Model,
            request.Stream == true,
            RouteRequests.FromCompletion(request, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]),
            null,
            (capture, useDefaultModel) => RunLocallyAsync(http, models, usage, request, capture, useDefaultModel)));
    }

    private static async Task<IResult> RunLocallyAsync(HttpContext http, ModelManager models, UsageRecorder usage, CompletionRequest request, ResponseCapture? capture, bool useDefaultModel)
    {
        var (model, missing) = await ModelResolution.ResolveAsync(http, models, useDefaultModel ? null : request.Model);
        if (model is null)
        {
            return missing!;
        }

        request = model.Defaults.ApplyTo(request);

        var prompts = new List<int[]>();
        foreach (var input in request.Prompt!)
        {
            var tokens = input.Tokens?.ToArray() ?? model.Model.Tokenize(input.Text!, addBeginOfSequence: true, parseSpecial: true);
            if (tokens.Any(token => token >= model.Model.VocabularySize))
            {
                return OpenAiError.BadRequest($"Token ids must be below the vocabulary size {model.Model.VocabularySize}.", "prompt");
            }

            prompts.Add(tokens);
        }

        var choicesPerPrompt = request.N ?? 1;
        var requests = prompts.SelectMany(tokens => Enumerable.Range(0, choicesPerPrompt).Select(index => new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, index),
            request.MaxTokens ?? 16,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs))).ToList();
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var (choices, refusal) = ChoiceSubmitter.Submit(http, model, requests, cancellation, usage, promptParam: "prompt");
        if (refusal is not null)
        {
            cancellation.Dispose();
            return refusal;
        }

        GenerationHeaders.SetLocal(http.Response, model.Alias);
        var echoed = request.Echo == true
            ? requests.Select(generation => model.Model.Detokenize(generation.PromptTokens.Skip(model.Model.IsBeginOfSequence(generation.PromptTokens[0]) ? 1 : 0), renderSpecial: true)).ToList()
            : [];
        var context = new GenerationContext("cmpl-" + RequestIdMiddleware.Get(http), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model, prompts.Sum(tokens => tokens.Length), cancellation);
        if (request.Stream == true)
        {
            return new GenerationStreamResult(context, choices!, new CompletionStreamFormat(context, echoed), request.StreamOptions?.IncludeUsage == true, capture);
        }

        using (cancellation)
        {
            var collected = await CollectedChoices.CollectAsync(choices!);
            return collected.Failure ?? new JsonPayloadResult(JsonSerializer.SerializeToUtf8Bytes(CompletionResponseBuilder.ToResponse(context, collected, echoed), OpenAiJson.Default.CompletionResponse), capture);
        }
    }

    private static IResult? Validate(CompletionRequest request)
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
