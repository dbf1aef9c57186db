using System.Net;
using System.Text;
using System.Text.Json;
using LocalOpenAi.Server.Feedback;

namespace LocalOpenAi.Tests.Server.Feedback;

public sealed class FeedbackEndpointTests : IAsyncLifetime
{
    private FeedbackHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedbackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Valid_feedback_is_on_disk_with_the_rated_exchange_when_the_202_arrives()
    {
        using var request = JsonDocument.Parse("""{"model":"tiny","messages":[{"role":"user","content":"Hi"}]}""");
        using var response = JsonDocument.Parse("""{"id":"chatcmpl-r1","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"}}]}""");
        _host.Exchanges.Record(new ExchangeRecord("r1", DateTimeOffset.UtcNow, request.RootElement.Clone(), response.RootElement.Clone()));

        using var answer = await PostAsync("""{"request_id":"r1","rating":5,"comment":"great","user_id":"u7"}""");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("""{"request_id":"r1","exchange_found":true}""", await answer.Content.ReadAsStringAsync());
        var line = Assert.Single(await ReadLinesAsync());
        var root = JsonDocument.Parse(line).RootElement;
        Assert.Equal("r1", root.GetProperty("request_id").GetString());
        Assert.Equal(5, root.GetProperty("rating").GetInt32());
        Assert.Equal("great", root.GetProperty("comment").GetString());
        Assert.Equal("u7", root.GetProperty("user_id").GetString());
        Assert.True(root.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal("Hi", root.GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("Hello!", root.GetProperty("response").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Feedback_on_a_full_disk_is_a_507_with_a_clear_message()
    {
        // Linux's /dev/full fails every write with ENOSPC, as a full disk does.
        await using var full = await FeedbackHost.StartAsync("/dev/full");

        using var answer = await full.Http.PostAsync("feedback", new StringContent("""{"request_id":"r1","rating":4}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InsufficientStorage, answer.StatusCode);
        var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains("disk is full", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("insufficient_storage", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Feedback_on_an_unknown_exchange_is_still_stored()
    {
        using var answer = await PostAsync("""{"request_id":"gone","rating":1}""");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains("\"exchange_found\":false", await answer.Content.ReadAsStringAsync());
        var root = JsonDocument.Parse(Assert.Single(await ReadLinesAsync())).RootElement;
        Assert.False(root.TryGetProperty("request", out _));
    }

    [Theory]
    [InlineData("""{"rating":5}""", "request_id")]
    [InlineData("""{"request_id":"","rating":5}""", "request_id")]
    [InlineData("""{"request_id":7,"rating":5}""", "request_id")]
    [InlineData("""{"request_id":"r"}""", "rating")]
    [InlineData("""{"request_id":"r","rating":0}""", "rating")]
    [InlineData("""{"request_id":"r","rating":6}""", "rating")]
    [InlineData("""{"request_id":"r","rating":4.5}""", "rating")]
    [InlineData("""{"request_id":"r","rating":"5"}""", "rating")]
    [InlineData("""{"request_id":"r","rating":5,"comment":42}""", "comment")]
    [InlineData("""{"request_id":"r","rating":5,"user_id":" "}""", "user_id")]
    [InlineData("""not json""", null)]
    [InlineData("""[1,2]""", null)]
    public async Task Invalid_feedback_is_a_400_in_the_OpenAI_envelope_and_nothing_is_stored(string body, string? param)
    {
        using var answer = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.True(error.TryGetProperty("code", out _));
        Assert.False(File.Exists(_host.Path) && new FileInfo(_host.Path).Length > 0);
    }

    [Fact]
    public async Task Concurrent_feedback_lands_as_whole_lines()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => PostAsync($$"""{"request_id":"r{{i}}","rating":{{i % 5 + 1}},"comment":"{{new string('x', 2000)}}"}""")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        var ids = (await ReadLinesAsync()).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("request_id").GetString()).ToHashSet();
        Assert.Equal(40, ids.Count);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _host.Http.PostAsync("/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<string[]> ReadLinesAsync()
    {
        await using var stream = new FileStream(_host.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
