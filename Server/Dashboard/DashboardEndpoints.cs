using System.Text.Json.Serialization;
using Microsoft.Extensions.FileProviders;

namespace LocalOpenAi.Server.Dashboard;

/// <summary><c>GET /</c>: the dashboard and playground (static files from <c>wwwroot</c>), and <c>GET /dashboard/requests</c>.</summary>
internal static class DashboardEndpoints
{
    /// <summary>Serves <c>wwwroot</c> next to the program, with <c>index.html</c> for <c>/</c>.</summary>
    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/requests", Requests).WithName("RecentRequests").WithTags("Operations");
        return endpoints;
    }

    private static IResult Requests(RecentRequests recent) => TypedResults.Json(recent.Snapshot(), DashboardJson.Default.IReadOnlyListRecentRequest);
}

/// <summary>Source-generated JSON for the dashboard's endpoint.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyList<RecentRequest>))]
internal sealed partial class DashboardJson : JsonSerializerContext;
