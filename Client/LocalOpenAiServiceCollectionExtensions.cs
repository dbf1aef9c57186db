using LocalOpenAi.Client.Chat;
using LocalOpenAi.Client.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Client;

/// <summary>Registers a local model, in-process, as Microsoft.Extensions.AI's chat client and embedding generator.</summary>
public static class LocalOpenAiServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="IChatClient"/> and <see cref="IEmbeddingGenerator{String, Embedding}"/> of
    /// <c>Embedding&lt;float&gt;</c> backed by one model, loaded on first use and shared through the batching scheduler.
    /// </summary>
    /// <remarks>The model is released when the service provider is disposed.</remarks>
    public static IServiceCollection AddLocalOpenAiChatClient(this IServiceCollection services, Action<LocalOpenAiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(provider =>
        {
            var options = new LocalOpenAiClientOptions();
            configure(options);
            return new LocalEngine(options, provider.GetService<ILoggerFactory>());
        });
        services.AddSingleton<IChatClient>(provider => new LocalChatClient(provider.GetRequiredService<LocalEngine>()));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider => new LocalEmbeddingGenerator(provider.GetRequiredService<LocalEngine>()));
        return services;
    }
}
