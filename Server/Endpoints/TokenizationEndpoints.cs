using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Formats.Templates;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>/tokenize</c>, <c>/detokenize</c> (as llama-server) and <c>/apply-template</c> (the exact prompt).</summary>
internal static class TokenizationEndpoints
{
    public static IEndpointRouteBuilder MapTokenization(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/tokenize", TokenizeAsync).WithName("Tokenize").WithTags("Tokens");
        endpoints.MapPost("/detokenize", DetokenizeAsync).WithName("Detokenize").WithTags("Tokens");
        endpoints.MapPost("/apply-template", ApplyTemplateAsync).WithName("ApplyTemplate").WithTags("Tokens");
        return endpoints;
    }

    private static async Task<IResult> TokenizeAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, OpenAiJson.Default.TokenizeRequest);
        if (error is not null)
        {
            return error;
        }

        if (request!.Content is null)
        {
            return OpenAiError.BadRequest("'content' must be a string.", "content");
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request.Model);
        if (model is null)
        {
            return missing!;
        }

        var tokens = model.Model.Tokenize(request.Content, request.AddSpecial ?? false, request.ParseSpecial ?? true);
        IReadOnlyList<object> items = request.WithPieces == true
            ? tokens.Select(token => (object)new TokenPiece(token, model.Model.Detokenize([token]))).ToArray()
            : tokens.Cast<object>().ToArray();
        return TypedResults.Json(new TokenizeResponse(items), OpenAiJson.Default.TokenizeResponse);
    }

    private static async Task<IResult> DetokenizeAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, OpenAiJson.Default.DetokenizeRequest);
        if (error is not null)
        {
            return error;
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request!.Model);
        if (model is null)
        {
            return missing!;
        }

        if (request.Tokens is not { } tokens || tokens.Any(token => token < 0 || token >= model.Model.VocabularySize))
        {
            return OpenAiError.BadRequest($"'tokens' must be an array of token ids below {model.Model.VocabularySize}.", "tokens");
        }

        return TypedResults.Json(new DetokenizeResponse(model.Model.Detokenize(tokens)), OpenAiJson.Default.DetokenizeResponse);
    }

    private static async Task<IResult> ApplyTemplateAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, OpenAiJson.Default.ApplyTemplateRequest);
        if (error is not null)
        {
            return error;
        }

        if (ChatMessagesValidator.Validate(request!.Messages, request.Tools) is { } invalid)
        {
            return OpenAiError.BadRequest(invalid.Message, invalid.Param);
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request.Model);
        if (model is null)
        {
            return missing!;
        }

        try
        {
            return TypedResults.Json(new ApplyTemplateResponse(model.Template.Render(request.Messages!, request.Tools, addGenerationPrompt: true)), OpenAiJson.Default.ApplyTemplateResponse);
        }
        catch (ChatTemplateException exception)
        {
            return OpenAiError.BadRequest(exception.Message, "messages");
        }
    }
}
