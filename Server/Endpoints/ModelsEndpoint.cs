using LocalOpenAi.Formats.OpenAi;
using LocalOpenAi.Server.Hosting;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: the local aliases, loaded or not.</summary>
public static class ModelsEndpoint
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/models", List).WithName("ListModels").WithTags("OpenAI");
        return endpoints;
    }

    private static IResult List(ModelHost host)
    {
        var created = host.Model?.LoadedAt.ToUnixTimeSeconds() ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var cards = host.Aliases.Select(alias => new ModelCard(alias, created, "localopenai")).ToArray();
        return TypedResults.Json(new ModelList(cards), OpenAiJson.Default.ModelList);
    }
}
