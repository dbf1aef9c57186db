using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Server.Feedback;

/// <summary>A loopback host with just the feedback services and endpoint, writing to a temporary file.</summary>
internal sealed class FeedbackHost : IAsyncDisposable
{
    private readonly LoopbackHost _host;
    private readonly string? _temporaryDirectory;

    private FeedbackHost(LoopbackHost host, string path, string? temporaryDirectory)
    {
        _host = host;
        Path = path;
        _temporaryDirectory = temporaryDirectory;
    }

    public string Path { get; }

    public HttpClient Http => _host.Http;

    public IExchangeLog Exchanges => _host.Services.GetRequiredService<IExchangeLog>();

    /// <param name="path">The feedback file; a fresh temporary one when null (<c>/dev/full</c> stands for a full disk).</param>
    public static async Task<FeedbackHost> StartAsync(string? path = null)
    {
        var temporaryDirectory = path is null ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localopenai-feedback-" + Guid.NewGuid().ToString("N")) : null;
        var file = path ?? System.IO.Path.Combine(temporaryDirectory!, "feedback.jsonl");
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Configuration["Feedback:Path"] = file;
                builder.Services.AddFeedback(builder.Configuration);
            },
            app => app.MapFeedback());
        return new FeedbackHost(host, file, temporaryDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        // Only ever the temporary folder this host made: never the folder of a path it was given.
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
    }
}
