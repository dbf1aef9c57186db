using LocalOpenAi.Server.Feedback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Server.Feedback;

/// <summary>A loopback host with just the feedback services and endpoint, writing to a temporary file.</summary>
internal sealed class FeedbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _temporaryDirectory;

    private FeedbackHost(WebApplication app, string path, string? temporaryDirectory)
    {
        _app = app;
        Path = path;
        _temporaryDirectory = temporaryDirectory;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public string Path { get; }

    public HttpClient Http { get; }

    public IExchangeLog Exchanges => _app.Services.GetRequiredService<IExchangeLog>();

    /// <param name="path">The feedback file; a fresh temporary one when null (<c>/dev/full</c> stands for a full disk).</param>
    public static async Task<FeedbackHost> StartAsync(string? path = null)
    {
        var temporaryDirectory = path is null ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localopenai-feedback-" + Guid.NewGuid().ToString("N")) : null;
        path ??= System.IO.Path.Combine(temporaryDirectory!, "feedback.jsonl");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Feedback:Path"] = path;
        builder.Services.AddFeedback(builder.Configuration);
        var app = builder.Build();
        app.MapFeedback();
        await app.StartAsync();
        return new FeedbackHost(app, path, temporaryDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Only ever the temporary folder this host made: never the folder of a path it was given.
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
    }
}
