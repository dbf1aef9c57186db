using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>A stored Response belongs to the API key that created it: another key can neither read, list, continue nor delete it.</summary>
public sealed class StoredResponseTenancyTests : IAsyncLifetime
{
    private const string Alice = "sk-alice-0123456789abcdef";
    private const string Bob = "sk-bob-0123456789abcdef00";

    private readonly TwoKeyServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Another_key_sees_not_found_for_every_operation_on_a_stored_response()
    {
        using var created = await SendAsync(HttpMethod.Post, "v1/responses", Alice, new { model = ServerFixture.ModelAlias, input = "Remember this", max_output_tokens = 4 });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var read = await SendAsync(HttpMethod.Get, $"v1/responses/{id}", Bob);
        using var items = await SendAsync(HttpMethod.Get, $"v1/responses/{id}/input_items", Bob);
        using var followUp = await SendAsync(HttpMethod.Post, "v1/responses", Bob, new { model = ServerFixture.ModelAlias, input = "And?", previous_response_id = id, max_output_tokens = 4 });
        using var delete = await SendAsync(HttpMethod.Delete, $"v1/responses/{id}", Bob);
        using var own = await SendAsync(HttpMethod.Get, $"v1/responses/{id}", Alice);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (read.StatusCode, items.StatusCode, followUp.StatusCode, delete.StatusCode));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _server.Http.SendAsync(request);
    }

    /// <summary>Two client keys with the same owner label: tenancy follows the key, not the label.</summary>
    private sealed class TwoKeyServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--api-key", Alice, "team", "--api-key", Bob, "team"];
    }
}
