using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: every local alias with its state and memory, then the upstream aliases.</summary>
public static class ModelsEndpoint
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/models", List).WithName("ListModels").WithTags("OpenAI");
        return endpoints;
    }

    private static IResult List(ModelManager models, RouterOptions router, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var local = models.Describe().Select(status => new ModelCard(status.Alias, status.LoadedAt?.ToUnixTimeSeconds() ?? now, "localopenai")
        {
            State = status.State,
            MemoryBytes = status.MemoryBytes,
        });
        var upstream = router.UpstreamAliases.Keys.Order(StringComparer.Ordinal).Select(alias => new ModelCard(alias, now, "upstream"));
        return TypedResults.Json(new ModelList([.. local, .. upstream]), OpenAiJson.Default.ModelList);
    }
}
