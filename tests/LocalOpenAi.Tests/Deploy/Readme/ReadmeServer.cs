using LocalOpenAi.Tests.Server.Cli;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Deploy.Readme;

/// <summary>The server process the README's examples talk to: the tiny model under the README's alias, with embeddings.</summary>
public sealed class ReadmeServer : IAsyncLifetime
{
    private RunningServerProcess? _process;

    public Uri BaseAddress => _process!.Http.BaseAddress!;

    public async Task InitializeAsync() =>
        _process = await RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", "synthetic-small", "--embeddings", "--parallel", "2");

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
