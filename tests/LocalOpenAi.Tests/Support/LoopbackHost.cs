using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Support;

/// <summary>
/// A started Kestrel app on a loopback port of its own: our server (<see cref="ServerHost"/>), a part of it
/// with stand-in endpoints, or a fake of another service. Owns the app and a client for it.
/// </summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TestLimits.Hang };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Whether the app has begun to stop (asked to, or a hosted service failed).</summary>
    public bool IsStopping => _app.Lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Starts <paramref name="app"/>, built to listen on port 0; a failed start disposes it.</summary>
    public static async Task<LoopbackHost> StartAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LoopbackHost(app);
    }

    /// <summary>
    /// A slim app on <c>127.0.0.1:0</c> without log providers: <paramref name="compose"/> adds configuration,
    /// logging and services, <paramref name="map"/> adds middleware and endpoints.
    /// </summary>
    public static Task<LoopbackHost> StartAsync(Action<WebApplicationBuilder> compose, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        compose(builder);
        var app = builder.Build();
        map(app);
        return StartAsync(app);
    }

    /// <summary>Begins a graceful stop, as SIGTERM does; completes when the app has stopped or <paramref name="cancellationToken"/> ends the wait.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
