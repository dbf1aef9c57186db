using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalOpenAi.Server.Feedback;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Feedback;

/// <summary>Completions the server answers (generated, streamed, or replayed from the cache) can be rated and exported.</summary>
public sealed class FeedbackOnServedCompletionsTests : IAsyncLifetime
{
    private readonly FeedbackServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rated_chat_completion_is_stored_with_its_request_and_answer_and_exported_for_fine_tuning(bool stream)
    {
        using var answer = await _server.Http.PostAsJsonAsync("v1/chat/completions", new
        {
            model = ServerFixture.ModelAlias,
            messages = new[] { new { role = "user", content = $"Rate me ({stream})" } },
            max_tokens = 6,
            temperature = 0,
            ignore_eos = true,
            stream,
        });
        var text = await answer.Content.ReadAsStringAsync();
        var requestId = answer.Headers.GetValues("X-Request-Id").Single();
        var content = stream ? StreamedContent(text) : JsonDocument.Parse(text).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

        using var feedback = await _server.Http.PostAsJsonAsync("feedback", new { request_id = requestId, rating = 5 });
        var exported = TestModels.NewPath(".jsonl");
        var summary = FineTuningExport.Run(_server.FeedbackPath, exported, minRating: 4);

        Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
        Assert.True((await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exchange_found").GetBoolean());
        Assert.Equal(1, summary.Exported);
        var messages = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(exported))).RootElement.GetProperty("messages");
        Assert.Equal($"Rate me ({stream})", messages[0].GetProperty("content").GetString());
        Assert.Equal(("assistant", content), (messages[1].GetProperty("role").GetString(), messages[1].GetProperty("content").GetString()));
    }

    [Fact]
    public async Task A_cache_hit_is_an_exchange_of_its_own_request_id()
    {
        var body = new { model = ServerFixture.ModelAlias, messages = new[] { new { role = "user", content = "cached twice" } }, max_tokens = 4, temperature = 0 };
        using var first = await _server.Http.PostAsJsonAsync("v1/chat/completions", body);
        using var second = await _server.Http.PostAsJsonAsync("v1/chat/completions", body);

        using var feedback = await _server.Http.PostAsJsonAsync("feedback", new { request_id = second.Headers.GetValues("X-Request-Id").Single(), rating = 2 });

        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        Assert.True((await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exchange_found").GetBoolean());
    }

    private static string StreamedContent(string events) => string.Concat(events.Split('\n')
        .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
        .Select(line => JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("choices"))
        .Where(choices => choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out _))
        .Select(choices => choices[0].GetProperty("delta").GetProperty("content").GetString()));

    private sealed class FeedbackServerFixture : ServerFixture
    {
        public string FeedbackPath { get; } = TestModels.NewPath(".jsonl");

        protected override IEnumerable<string> ExtraArguments => [$"--Feedback:Path={FeedbackPath}"];
    }
}
