using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Hostile;

/// <summary>Token ids outside the vocabulary in <c>/v1/embeddings</c> are a 400 naming <c>input</c>, never a native failure.</summary>
[Collection(EmbeddingServerCollection.Name)]
public sealed class HostileEmbeddingInputTests(EmbeddingServerFixture server)
{
    [Theory]
    [MemberData(nameof(HostileCases.EmbeddingNames), MemberType = typeof(HostileCases))]
    public async Task An_out_of_vocabulary_token_is_a_400_and_the_server_keeps_serving(string name)
    {
        await HostileRequest.AssertAnsweredAsync(server.Http, HostileCases.Embeddings[name]);
        await HostileRequest.AssertStillServingAsync(server.Http);
    }
}
