using LocalOpenAi.Server.Metrics;
using LocalOpenAi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>A minimal real Kestrel host on loopback with the metrics middleware, a fake generation route and <c>/metrics</c>.</summary>
internal sealed class MetricsTestServer : IAsyncDisposable
{
    public const string EchoPattern = "/v1/echo/{id}";
    public const string FailingPattern = "/v1/fail";

    private readonly LoopbackHost _host;

    private MetricsTestServer(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public HttpClient Http => _host.Http;

    public LocalOpenAiMetrics Metrics => _host.Services.GetRequiredService<LocalOpenAiMetrics>();

    public static async Task<MetricsTestServer> StartAsync() => new(await LoopbackHost.StartAsync(
        builder => builder.Services.AddLocalOpenAiMetrics(),
        app =>
        {
            app.UseRequestMetrics();
            app.MapGet(EchoPattern, Echo);
            app.MapGet(FailingPattern, Fail);
            app.MapMetrics();
        }));

    public async Task DriveAsync(int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var response = await Http.GetAsync($"v1/echo/{i}");
            response.EnsureSuccessStatusCode();
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Fail() => throw new InvalidOperationException("a bug");

    private static string Echo(string id, HttpResponse response)
    {
        response.Headers["X-Route"] = "local";
        response.Headers["X-Model"] = "tiny";
        return id;
    }
}
