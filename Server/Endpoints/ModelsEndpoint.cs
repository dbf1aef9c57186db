using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: every local alias with its state and memory, then the upstream aliases.</summary>
internal static class ModelsEndpoint
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/models", List).WithName("ListModels").WithTags("OpenAI");
        endpoints.MapGet("/v1/models/{**id}", Retrieve).WithName("RetrieveModel").WithTags("OpenAI");
        return endpoints;
    }

    private static IResult List(ModelManager models, RouterOptions router, TimeProvider time) =>
        TypedResults.Json(new ModelList(Cards(models, router, time)), OpenAiJson.Default.ModelList);

    /// <summary>One model by id (ids may hold slashes or colons, sent URL-encoded); 404 <c>model_not_found</c> otherwise.</summary>
    private static IResult Retrieve(string id, ModelManager models, RouterOptions router, TimeProvider time) =>
        Cards(models, router, time).FirstOrDefault(card => string.Equals(card.Id, id, StringComparison.OrdinalIgnoreCase)) is { } card
            ? TypedResults.Json(card, OpenAiJson.Default.ModelCard)
            : OpenAiError.ModelNotFound(id);

    private static List<ModelCard> Cards(ModelManager models, RouterOptions router, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var local = models.Describe().Select(status => new ModelCard(status.Alias, status.LoadedAt?.ToUnixTimeSeconds() ?? now, "localopenai")
        {
            State = status.State,
            MemoryBytes = status.MemoryBytes,
        });
        var upstream = router.UpstreamAliases.Keys.Order(StringComparer.Ordinal).Select(alias => new ModelCard(alias, now, "upstream"));
        return [.. local, .. upstream];
    }
}
