namespace LocalOpenAi.Tests.Support;

/// <summary>A server started with <c>--embeddings</c>.</summary>
public sealed class EmbeddingServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--embeddings"];
}

[CollectionDefinition(Name)]
public sealed class EmbeddingServerCollection : ICollectionFixture<EmbeddingServerFixture>
{
    public const string Name = "embedding server";
}
