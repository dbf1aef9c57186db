using LocalOpenAi.Server.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary>A minimal real Kestrel host on loopback with the metrics middleware, a fake generation route and <c>/metrics</c>.</summary>
internal sealed class MetricsTestServer : IAsyncDisposable
{
    public const string EchoPattern = "/v1/echo/{id}";
    public const string FailingPattern = "/v1/fail";

    private readonly WebApplication _app;

    private MetricsTestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public LocalOpenAiMetrics Metrics => _app.Services.GetRequiredService<LocalOpenAiMetrics>();

    public static async Task<MetricsTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddLocalOpenAiMetrics();
        var app = builder.Build();
        app.UseRequestMetrics();
        app.MapGet(EchoPattern, Echo);
        app.MapGet(FailingPattern, Fail);
        app.MapMetrics();
        await app.StartAsync();
        return new MetricsTestServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    public async Task DriveAsync(int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var response = await Http.GetAsync($"v1/echo/{i}");
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Fail() => throw new InvalidOperationException("a bug");

    private static string Echo(string id, HttpResponse response)
    {
        response.Headers["X-Route"] = "local";
        response.Headers["X-Model"] = "tiny";
        return id;
    }
}
