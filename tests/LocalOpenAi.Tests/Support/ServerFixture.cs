using System.ClientModel;
using OpenAI;

namespace LocalOpenAi.Tests.Support;

/// <summary>A real LocalOpenAi server on a loopback port, serving the tiny synthetic model.</summary>
public class ServerFixture : IAsyncLifetime
{
    public const string ModelAlias = "tiny";

    private LoopbackHost? _host;

    public Uri BaseAddress => Host.BaseAddress;

    public HttpClient Http => Host.Http;

    /// <summary>An official OpenAI SDK client pointed at this server.</summary>
    public OpenAIClient OpenAi => new(new ApiKeyCredential("not-needed"), new OpenAIClientOptions { Endpoint = new Uri(BaseAddress, "v1") });

    protected virtual IEnumerable<string> ExtraArguments => [];

    private LoopbackHost Host => _host ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync() =>
        _host = await ServerHost.StartAsync(["--model", TestModels.TinyPath, "--alias", ModelAlias, "--parallel", "4", "--ctx-size", "8192", .. ExtraArguments]);

    /// <summary>Begins a graceful stop, as SIGTERM does; completes when the host has stopped.</summary>
    public Task StopAsync() => Host.StopAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
