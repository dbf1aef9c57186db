using LocalOpenAi.Engine.Generation;
using LocalOpenAi.Engine.Scheduling;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: OpenAI Chat Completions over the local model.</summary>
public static class ChatCompletionsEndpoint
{
    private static readonly HashSet<string> Roles = ["system", "developer", "user", "assistant", "tool", "ipython"];

    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/chat/completions", HandleAsync).WithName("CreateChatCompletion").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelHost host)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, OpenAiJson.Default.ChatCompletionRequest);
        if (error is not null)
        {
            return error;
        }

        if (Validate(request!) is { } invalid)
        {
            return invalid;
        }

        if (host.Find(request!.Model) is not { } model)
        {
            return host.NotReadyReason is { } reason && host.Aliases.Contains(request.Model ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                ? OpenAiError.Unavailable($"The model is not ready: {reason}.")
                : OpenAiError.ModelNotFound(request.Model);
        }

        string prompt;
        try
        {
            prompt = model.Template.Render(request.Messages!, addGenerationPrompt: true);
        }
        catch (ChatTemplateException exception)
        {
            return OpenAiError.BadRequest(exception.Message, "messages");
        }

        var tokens = model.Model.Tokenize(prompt, addBeginOfSequence: false, parseSpecial: true);
        var generation = new GenerationRequest(
            tokens,
            SamplingTranslator.ToOptions(request, 0),
            request.EffectiveMaxTokens,
            request.Stop,
            request.IgnoreEos ?? false,
            request.Logprobs == true ? request.TopLogprobs ?? 0 : null);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var (choices, refusal) = SubmitChoices(model.Scheduler, generation, request, cancellation);
        if (refusal is not null)
        {
            await cancellation.CancelAsync();
            cancellation.Dispose();
            return refusal;
        }

        GenerationHeaders.SetLocal(http.Response, model.Alias);
        var context = new ChatCompletionContext("chatcmpl-" + RequestIdMiddleware.Get(http), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model, tokens.Length, cancellation);
        return request.Stream == true
            ? new ChatCompletionStreamResult(context, choices!, request.StreamOptions?.IncludeUsage == true)
            : await ChatCompletionCollector.CollectAsync(context, choices!);
    }

    private static IResult? Validate(ChatCompletionRequest request)
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

    private static (IReadOnlyList<IAsyncEnumerable<GenerationChunk>>? Choices, IResult? Refusal) SubmitChoices(
        InferenceScheduler scheduler, GenerationRequest first, ChatCompletionRequest request, CancellationTokenSource cancellation)
    {
        var choices = new List<IAsyncEnumerable<GenerationChunk>>();
        for (var index = 0; index < (request.N ?? 1); index++)
        {
            var generation = index == 0 ? first : first with { Sampling = SamplingTranslator.ToOptions(request, index) };
            var submission = scheduler.Submit(generation, cancellation.Token);
            if (!submission.IsAccepted)
            {
                return (null, submission.Status switch
                {
                    SubmitStatus.ContextLengthExceeded => OpenAiError.ContextLengthExceeded(submission.Error!),
                    SubmitStatus.InvalidGrammar => OpenAiError.BadRequest(submission.Error!, "grammar"),
                    SubmitStatus.QueueFull => OpenAiError.Overloaded(submission.Error!),
                    _ => OpenAiError.Unavailable(submission.Error!),
                });
            }

            choices.Add(submission.Chunks!);
        }

        return (choices, null);
    }
}
