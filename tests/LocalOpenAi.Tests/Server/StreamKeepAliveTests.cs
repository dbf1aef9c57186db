using System.Net.Http.Json;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server;

/// <summary>A stream whose first token is still far off (queued behind a long generation) is kept alive with SSE comments.</summary>
public sealed class StreamKeepAliveTests : IAsyncLifetime
{
    private readonly OneSlotServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact(Timeout = TestLimits.HangMilliseconds)]
    public async Task Comments_keep_a_waiting_stream_alive_until_its_first_event_then_it_streams_to_done()
    {
        var busy = _server.Http.PostAsJsonAsync("v1/chat/completions", Chat("Keep the only slot busy", 1500, stream: false));
        await Eventually.TrueAsync(async () => (await _server.Http.GetStringAsync("metrics")).Contains("localopenai_slots_busy{model=\"tiny\"} 1", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = JsonContent.Create(Chat("Wait for the slot", 4, stream: true)) };
        using var response = await _server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        var rest = await reader.ReadToEndAsync();
        using var finished = await busy;

        Assert.Equal(": keep-alive", first);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data: {", rest, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", rest, StringComparison.Ordinal);
        Assert.True(finished.IsSuccessStatusCode);
    }

    private static object Chat(string content, int maxTokens, bool stream) => new
    {
        model = ServerFixture.ModelAlias,
        messages = new[] { new { role = "user", content } },
        max_tokens = maxTokens,
        temperature = 0,
        ignore_eos = true,
        stream,
    };

    /// <summary>One slot and a keep-alive far shorter than the generation holding it.</summary>
    private sealed class OneSlotServer : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--parallel", "1", "--Server:StreamKeepAliveInterval=00:00:00.050", "--Cache:Enabled=false"];
    }
}
