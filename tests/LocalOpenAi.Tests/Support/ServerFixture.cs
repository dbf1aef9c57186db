using System.ClientModel;
using Microsoft.AspNetCore.Builder;
using OpenAI;
using LocalOpenAi.Server.Cli;

namespace LocalOpenAi.Tests.Support;

/// <summary>A real LocalOpenAi server on a loopback port, serving the tiny synthetic model.</summary>
public class ServerFixture : IAsyncLifetime
{
    public const string ModelAlias = "tiny";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>An official OpenAI SDK client pointed at this server.</summary>
    public OpenAIClient OpenAi => new(new ApiKeyCredential("not-needed"), new OpenAIClientOptions { Endpoint = new Uri(BaseAddress, "v1") });

    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        string[] args =
        [
            "--model", TestModels.TinyPath, "--alias", ModelAlias, "--port", "0", "--parallel", "4",
            "--ctx-size", "8192", "--threads", "2", "--Logging:LogLevel:Default=Warning",

            // Many servers share the test process: a scrape's process metrics would walk all their threads.
            "--Metrics:ProcessMetrics=false", .. ExtraArguments,
        ];
        _app = ServeCommand.BuildApplication(args);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TestLimits.Hang };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((await Http.GetAsync("ready")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the server did not become ready");
    }

    /// <summary>Begins a graceful stop, as SIGTERM does; completes when the host has stopped.</summary>
    public Task StopAsync() => _app!.StopAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
