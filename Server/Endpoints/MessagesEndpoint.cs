using System.Text.Json.Nodes;
using LocalOpenAi.Formats.Anthropic;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Backends;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;
using LocalOpenAi.Server.Upstream;

namespace LocalOpenAi.Server.Endpoints;

/// <summary>
/// <c>POST /v1/messages</c> and <c>/v1/messages/count_tokens</c>: Anthropic's Messages API as a front-end
/// over the same completion backends as chat completions (routing, cache, local model or upstream).
/// Errors leave in Anthropic's envelope (<see cref="AnthropicErrorShape"/>).
/// </summary>
internal static class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/messages", CreateAsync).WithName("CreateMessage").WithTags("Anthropic");
        endpoints.MapPost("/v1/messages/count_tokens", CountTokensAsync).WithName("CountMessageTokens").WithTags("Anthropic");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ICompletionBackend backend, ModelNameCheck modelCheck)
    {
        var (chat, request, error) = await ReadAsync(http, AnthropicRequestTranslator.ToChat);
        if (error is not null)
        {
            return error;
        }

        if ((ChatRequestValidator.Validate(request!) ?? modelCheck.Check(request!.Model)) is { } invalid)
        {
            return invalid;
        }

        var route = RouteRequest.FromChat(request!, http.Request.Headers["X-Agent-Name"], http.Request.Headers["X-Route-Prefer"]);
        var call = new CompletionCall(http, UpstreamEndpoint.ChatCompletions, chat!, request!, request!.Model, request.Stream == true, route) { MaxTokensIsCeiling = true };
        return new OutcomeResult(backend.CompleteAsync(call, http.RequestAborted), call.Stream, new AnthropicDialect(request.Model ?? string.Empty, http));
    }

    /// <summary>The prompt tokens the request would take, counted with the local model's template and tokenizer (the default model for an upstream alias).</summary>
    private static async Task<IResult> CountTokensAsync(HttpContext http, ModelManager models)
    {
        var (_, request, error) = await ReadAsync(http, AnthropicRequestTranslator.ToChatForTokenCount);
        if (error is not null)
        {
            return error;
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, models.IsKnown(request!.Model ?? string.Empty) ? request.Model : null);
        if (model is null)
        {
            return missing!;
        }

        try
        {
            var prompt = model.Template.Render(request.Messages!, request.Tools, addGenerationPrompt: true);
            var tokens = model.Model.Tokenize(prompt, addBeginOfSequence: false, parseSpecial: true);
            return TypedResults.Text(AnthropicResponseTranslator.TokenCount(tokens.Length).ToJsonString(), "application/json");
        }
        catch (ChatTemplateException exception)
        {
            return OpenAiError.BadRequest(exception.Message, "messages");
        }
    }

    private static async Task<(JsonObject? Chat, ChatCompletionRequest? Request, ErrorResult? Error)> ReadAsync(HttpContext http, Func<JsonObject, AnthropicTranslation> translate)
    {
        var (body, unreadable) = await JsonBody.ReadObjectAsync(http.Request);
        if (body is null)
        {
            return (null, null, unreadable);
        }

        var translation = translate(body);
        if (!translation.Succeeded)
        {
            return (null, null, OpenAiError.BadRequest(translation.Error.Message, translation.Error.Field));
        }

        var (request, invalid) = JsonBody.Parse(translation.Body, OpenAiJson.Default.ChatCompletionRequest);
        return (translation.Body, request, invalid);
    }
}
