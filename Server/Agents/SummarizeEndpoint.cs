using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Agents;

/// <summary><c>POST /summarize</c>: a summary of any length of text within <c>max_summary_tokens</c>.</summary>
internal static class SummarizeEndpoint
{
    private const int DefaultSummaryTokens = 256;
    private const int MaxContextCharacters = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapSummarize(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/summarize", HandleAsync).WithName("Summarize").WithTags("Agents");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, AgentJson.Default.SummarizeRequest);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Context) || request.Context.Length > MaxContextCharacters)
        {
            return OpenAiError.BadRequest($"'context' must be non-empty text of at most {MaxContextCharacters} characters.", "context");
        }

        if (request.MaxSummaryTokens is < 1 or > 4096)
        {
            return OpenAiError.BadRequest("'max_summary_tokens' must be between 1 and 4096.", "max_summary_tokens");
        }

        var style = request.Style ?? "concise";
        if (!ChunkedSummarizer.Styles.ContainsKey(style))
        {
            return OpenAiError.BadRequest($"'style' must be one of: {string.Join(", ", ChunkedSummarizer.Styles.Keys)}.", "style");
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request.Model);
        if (model is null)
        {
            return missing!;
        }

        var tokens = ChunkedSummarizer.Tokenize(model, request.Context);
        var (summary, summaryTokens, failure) = await ChunkedSummarizer.SummarizeAsync(model, tokens, request.MaxSummaryTokens ?? DefaultSummaryTokens, style, http.RequestAborted);
        if (summary is null)
        {
            return OpenAiError.BadRequest(failure!, "max_summary_tokens");
        }

        GenerationHeaders.SetLocal(http.Response, model.Alias);
        return TypedResults.Json(new SummarizeResponse(summary, tokens.Length, summaryTokens, "local"), AgentJson.Default.SummarizeResponse);
    }
}
