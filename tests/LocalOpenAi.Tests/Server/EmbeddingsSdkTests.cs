using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

[Collection(EmbeddingServerCollection.Name)]
public sealed class EmbeddingsSdkTests(EmbeddingServerFixture server)
{
    [Fact]
    public async Task Embeddings_are_unit_vectors_of_the_model_width_and_repeat_for_the_same_text()
    {
        var client = server.OpenAi.GetEmbeddingClient(ServerFixture.ModelAlias);

        var result = await client.GenerateEmbeddingsAsync(["the cat sat", "quarterly revenue grew", "the cat sat"]);
        var vectors = result.Value.Select(embedding => embedding.ToFloats().ToArray()).ToList();

        Assert.Equal(3, vectors.Count);
        Assert.All(vectors, vector => Assert.Equal(128, vector.Length));
        Assert.All(vectors, vector => Assert.InRange(Math.Sqrt(vector.Sum(value => value * value)), 0.999, 1.001));
        Assert.Equal(vectors[0], vectors[2]);
        Assert.NotEqual(vectors[0], vectors[1]);
        Assert.True(result.Value.Usage.InputTokenCount > 4);
    }

    [Fact]
    public async Task Base64_encoding_carries_the_same_floats()
    {
        var asFloats = await EmbedAsync("float");
        var asBase64 = await EmbedAsync("base64");

        var decoded = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(asBase64.GetString()!)).ToArray();
        Assert.Equal(asFloats.EnumerateArray().Select(value => value.GetSingle()).ToArray(), decoded);
    }

    private async Task<JsonElement> EmbedAsync(string encoding)
    {
        using var response = await server.Http.PostAsJsonAsync("v1/embeddings", new { model = ServerFixture.ModelAlias, input = "hello world", encoding_format = encoding });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data")[0].GetProperty("embedding").Clone();
    }
}
