using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>The OpenAPI document describes every API surface the server serves.</summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiDocumentTests(ServerFixture server)
{
    [Theory]
    [InlineData("/v1/chat/completions", "post")]
    [InlineData("/v1/completions", "post")]
    [InlineData("/v1/responses", "post")]
    [InlineData("/v1/responses/{id}", "get")]
    [InlineData("/v1/responses/{id}", "delete")]
    [InlineData("/v1/responses/{id}/input_items", "get")]
    [InlineData("/v1/messages", "post")]
    [InlineData("/v1/messages/count_tokens", "post")]
    [InlineData("/v1/models", "get")]
    [InlineData("/v1/embeddings", "post")]
    public async Task Each_endpoint_is_in_the_document(string path, string method)
    {
        var document = JsonNode.Parse(await server.Http.GetStringAsync("openapi/v1.json"))!;

        Assert.NotNull(document["paths"]?[path]?[method]);
    }
}
