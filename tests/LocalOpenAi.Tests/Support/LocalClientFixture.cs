using LocalOpenAi.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOpenAi.Tests.Support;

/// <summary>The tiny synthetic model served in-process through <c>AddLocalOpenAiChatClient</c>, as an app would register it.</summary>
public sealed class LocalClientFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public LocalClientFixture()
    {
        _services = new ServiceCollection()
            .AddLocalOpenAiChatClient(options =>
            {
                options.ModelPath = TestModels.TinyPath;
                options.ModelId = "tiny";
                options.Slots = 2;
                options.ContextSize = 4096;
                options.Threads = 2;
                options.QueueSize = 8;
            })
            .BuildServiceProvider();
        Chat = _services.GetRequiredService<IChatClient>();
        Embeddings = _services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    }

    public IChatClient Chat { get; }

    public IEmbeddingGenerator<string, Embedding<float>> Embeddings { get; }

    internal LocalEngine Engine => _services.GetRequiredService<LocalEngine>();

    public void Dispose() => _services.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LocalClientCollection : ICollectionFixture<LocalClientFixture>
{
    public const string Name = "local client";
}
