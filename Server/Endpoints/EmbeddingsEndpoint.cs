using System.Runtime.InteropServices;
using System.Text.Json;
using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>POST /v1/embeddings</c>: mean-pooled, normalised embeddings from a model started with <c>--embeddings</c>.</summary>
internal static class EmbeddingsEndpoint
{
    private const int MaxInputs = 256;

    public static IEndpointRouteBuilder MapEmbeddings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/embeddings", HandleAsync).WithName("CreateEmbedding").WithTags("OpenAI");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, ModelManager models)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, OpenAiJson.Default.EmbeddingRequest);
        if (error is not null)
        {
            return error;
        }

        if (request!.Input is not { Count: > 0 and <= MaxInputs } inputs || inputs.Any(input => input.Text is { Length: 0 } || input.Tokens is { Count: 0 }))
        {
            return OpenAiError.BadRequest($"'input' must be a non-empty string or 1 to {MaxInputs} non-empty inputs.", "input");
        }

        if (request.EncodingFormat is not (null or "float" or "base64"))
        {
            return OpenAiError.BadRequest("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
        }

        var (model, missing) = await ModelResolution.ResolveAsync(http, models, request.Model);
        if (model is null)
        {
            return missing!;
        }

        if (model.Embeddings is not { } embeddings)
        {
            return OpenAiError.BadRequest($"The model '{model.Alias}' does not serve embeddings; start the server with --embeddings.", "model", "model_not_supported");
        }

        var tokens = inputs.Select(input => (IReadOnlyList<int>)(input.Tokens ?? model.Model.Tokenize(input.Text!))).ToList();
        if (tokens.Any(sequence => sequence.Any(token => token < 0 || token >= model.Model.VocabularySize)))
        {
            return OpenAiError.BadRequest($"Token ids must be between 0 and {model.Model.VocabularySize - 1}.", "input");
        }

        if (tokens.FirstOrDefault(sequence => sequence.Count > embeddings.MaxInputTokens) is { } tooLong)
        {
            return OpenAiError.ContextLengthExceeded($"An input has {tooLong.Count} tokens; this model embeds at most {embeddings.MaxInputTokens}.");
        }

        if (request.Dimensions is { } dimensions && dimensions != embeddings.Dimensions)
        {
            return OpenAiError.BadRequest($"This model's embeddings have {embeddings.Dimensions} dimensions.", "dimensions");
        }

        var vectors = await embeddings.EmbedAsync(tokens, http.RequestAborted);
        var base64 = request.EncodingFormat == "base64";
        var items = vectors.Select((vector, index) => new EmbeddingItem(index, base64
            ? JsonSerializer.SerializeToElement(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())), OpenAiJson.Default.String)
            : JsonSerializer.SerializeToElement(vector, OpenAiJson.Default.SingleArray))).ToArray();
        var promptTokens = tokens.Sum(sequence => sequence.Count);
        return TypedResults.Json(new EmbeddingResponse(items, model.Alias, new EmbeddingUsage(promptTokens, promptTokens)), OpenAiJson.Default.EmbeddingResponse);
    }
}
