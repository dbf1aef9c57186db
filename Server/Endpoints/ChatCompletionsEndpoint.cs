using System.Text.Json;
using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Hosting;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Routing;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: OpenAI Chat Completions over the local model.</summary>
public static class ChatCompletionsEndpoint
{
    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/chat/completions", HandleAsync).WithName("CreateChatCompletion").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelManager models, CompletionPipeline pipeline, UsageRecorder usage)
    {
        var (request, body, error) = await JsonBody.ReadWithRawAsync(http.Request, OpenAiJson.Default.ChatCompletionRequest);
        if (error is not null)
        {
            return error;
        }

        if ((Validate(request!) ?? pipeline.CheckModel(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        return await pipeline.RunAsync(http, new CompletionCall(
            UpstreamEndpoint.ChatCompletions,
            body!,
            request!.Model,
            request.Stream == true,
            RouteRequest.FromChat(request, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]),
            request,
            (capture, useDefaultModel) => RunLocallyAsync(http, models, usage, request, capture, useDefaultModel)));
    }

    private static async Task<IResult> RunLocallyAsync(HttpContext http, ModelManager models, UsageRecorder usage, ChatCompletionRequest request, ResponseCapture? capture, bool useDefaultModel)
    {
        var (model, missing) = await ModelResolution.ResolveAsync(http, models, useDefaultModel ? null : request.Model);
        if (model is null)
        {
            return missing!;
        }

        request = model.Defaults.ApplyTo(request);

        var (plan, planError) = OutputPlanner.Plan(request, model.Template.Name);
        if (planError is not null)
        {
            return planError;
        }

        string prompt;
        try
        {
            prompt = model.Template.Render(request.Messages!, request.Tools, addGenerationPrompt: true);
        }
        catch (ChatTemplateException exception)
        {
            return OpenAiError.BadRequest(exception.Message, "messages");
        }

        var tokens = model.Model.Tokenize(prompt, addBeginOfSequence: false, parseSpecial: true);
        var generation = new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, 0) with { Grammar = plan!.Grammar },
            request.EffectiveMaxTokens,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs == true ? request.TopLogprobs ?? 0 : null);
        var requests = Enumerable.Range(0, request.N ?? 1).Select(index => generation with { Sampling = generation.Sampling with { Seed = SamplingTranslator.ToOptions(request, index).Seed } });
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var (choices, refusal) = ChoiceSubmitter.Submit(http, model, requests, cancellation, usage);
        if (refusal is not null)
        {
            cancellation.Dispose();
            return refusal;
        }

        GenerationHeaders.SetLocal(http.Response, model.Alias);
        var context = new GenerationContext("chatcmpl-" + RequestIdMiddleware.Get(http), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model, tokens.Length, cancellation);
        if (request.Stream == true)
        {
            return new GenerationStreamResult(context, choices!, new ChatStreamFormat(context, plan.Tools), request.StreamOptions?.IncludeUsage == true, capture);
        }

        using (cancellation)
        {
            var collected = await CollectedChoices.CollectAsync(choices!);
            return collected.Failure ?? new JsonPayloadResult(JsonSerializer.SerializeToUtf8Bytes(ChatResponseBuilder.ToResponse(context, collected, plan.Tools), OpenAiJson.Default.ChatCompletionResponse), capture);
        }
    }

    private static IResult? Validate(ChatCompletionRequest request)
    {
        if (ChatMessagesValidator.Validate(request.Messages, request.Tools) is { } shape)
        {
            return OpenAiError.BadRequest(shape.Message, shape.Param);
        }

        return SamplingRequestValidator.Validate(request, request.EffectiveMaxTokens) is { } problem
            ? OpenAiError.BadRequest(problem.Message, problem.Param)
            : null;
    }
}
