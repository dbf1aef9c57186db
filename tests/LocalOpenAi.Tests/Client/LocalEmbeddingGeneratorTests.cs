using LocalOpenAi.Tests.Support;
using Microsoft.Extensions.AI;

namespace LocalOpenAi.Tests.Client;

/// <summary>The in-process <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: one unit vector per input, the same input the same vector.</summary>
[Collection(LocalClientCollection.Name)]
public sealed class LocalEmbeddingGeneratorTests(LocalClientFixture local)
{
    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Each_input_gets_a_normalised_vector_of_the_model_width_and_usage()
    {
        var embeddings = await local.Embeddings.GenerateAsync(["hello world", "a different sentence", "hello world"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(local.Engine.Model.EmbeddingSize, embedding.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(embedding.Vector.ToArray().Sum(value => (double)value * value)), 3);
        });
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.True(embeddings.Usage!.InputTokenCount >= 3);
    }
}
