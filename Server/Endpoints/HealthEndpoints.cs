using LocalOpenAi.Server.Models.Loading;

namespace LocalOpenAi.Server.Endpoints;

/// <summary><c>/health</c> (liveness) and <c>/ready</c> (a model is loaded and its scheduler runs).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", Health).WithName("Health").WithTags("Operations");
        endpoints.MapGet("/ready", Ready).WithName("Ready").WithTags("Operations");
        return endpoints;
    }

    private static IResult Health() => TypedResults.Ok(new HealthStatus("ok", null));

    private static IResult Ready(ModelManager models) => models.NotReadyReason is { } reason
        ? TypedResults.Json(new HealthStatus("not_ready", [reason]), statusCode: StatusCodes.Status503ServiceUnavailable)
        : TypedResults.Ok(new HealthStatus("ready", null));

    /// <summary>The body of both probes.</summary>
    public sealed record HealthStatus(string Status, IReadOnlyList<string>? Reasons);
}
