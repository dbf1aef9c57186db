using Microsoft.Extensions.AI;

namespace LocalOpenAi.Client.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the engine's embedding context:
/// mean-pooled, L2-normalised vectors, as <c>POST /v1/embeddings</c> returns them.
/// </summary>
internal sealed class LocalEmbeddingGenerator(LocalEngine engine) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("LocalOpenAi", defaultModelId: engine.ModelId, defaultModelDimensions: engine.Model.EmbeddingSize);

    /// <exception cref="ArgumentOutOfRangeException">An input is empty or longer than the embedding context.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var tokens = values.Select(value => (IReadOnlyList<int>)engine.Model.Tokenize(value)).ToList();
        var vectors = await engine.Embeddings.EmbedAsync(tokens, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var inputTokens = tokens.Sum(input => input.Count);
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(vector => new Embedding<float>(vector) { ModelId = engine.ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = inputTokens },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to release here: the model belongs to the <see cref="LocalEngine"/>, which its container disposes.</summary>
    public void Dispose()
    {
    }
}
