using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;
using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary>
/// <c>GET /admin/models</c>, <c>POST /admin/models/{alias}/load</c> and <c>POST /admin/models/{alias}/unload</c>
/// (admin key only): see, warm up and free aliases by hand. Unloading a model with requests in flight is refused (409).
/// </summary>
internal static class ModelAdminEndpoints
{
    public static IEndpointRouteBuilder MapModelAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/models", List).WithName("ListModelStates").WithTags("Admin");
        endpoints.MapPost("/admin/models/{alias}/load", LoadAsync).WithName("LoadModel").WithTags("Admin");
        endpoints.MapPost("/admin/models/{alias}/unload", Unload).WithName("UnloadModel").WithTags("Admin");
        return endpoints;
    }

    private static IResult List(ModelManager models) =>
        TypedResults.Json(new ModelStatusList(models.Describe()), ModelAdminJson.Default.ModelStatusList);

    private static async Task<IResult> LoadAsync(HttpContext http, string alias, ModelManager models)
    {
        var (model, error) = await ModelResolution.ResolveAsync(http, models, alias);
        return model is null ? error! : Status(models, alias);
    }

    private static IResult Unload(string alias, ModelManager models)
    {
        if (!models.IsKnown(alias))
        {
            return OpenAiError.ModelNotFound(alias);
        }

        var (_, refusal) = models.Unload(alias);
        return refusal is null
            ? Status(models, alias)
            : OpenAiError.Create(StatusCodes.Status409Conflict, refusal, "invalid_request_error", "model", "model_in_use");
    }

    private static IResult Status(ModelManager models, string alias) =>
        TypedResults.Json(models.Describe(alias)!, ModelAdminJson.Default.ModelStatus);
}
