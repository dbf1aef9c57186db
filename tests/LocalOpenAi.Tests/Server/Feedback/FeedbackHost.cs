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
    private readonly bool _ownsDirectory;

    private FeedbackHost(WebApplication app, string path, bool ownsDirectory)
    {
        _app = app;
        _ownsDirectory = ownsDirectory;
        Path = path;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public string Path { get; }

    public HttpClient Http { get; }

    public IExchangeLog Exchanges => _app.Services.GetRequiredService<IExchangeLog>();

    /// <summary>Starts on a fresh temporary file, or on <paramref name="feedbackPath"/> (left in place at the end).</summary>
    public static async Task<FeedbackHost> StartAsync(string? feedbackPath = null)
    {
        var path = feedbackPath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localopenai-feedback-" + Guid.NewGuid().ToString("N"), "feedback.jsonl");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Feedback:Path"] = path;
        builder.Services.AddFeedback(builder.Configuration);
        var app = builder.Build();
        app.MapFeedback();
        await app.StartAsync();
        return new FeedbackHost(app, path, ownsDirectory: feedbackPath is null);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory && Directory.Exists(System.IO.Path.GetDirectoryName(Path)))
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
    }
}
