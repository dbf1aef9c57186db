using System.Net;
using System.Text;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Server.Caching.CacheRequests;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>A cached stream is replayed exactly as first sent, and only streams that completed are cached.</summary>
[Collection(CacheTestCollection.Name)]
public sealed class CachedStreamReplayTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_cached_chat_stream_replays_the_same_sse_bytes_ids_chunks_and_usage()
    {
        var json = Chat(Unique("stream"), stream: true, maxTokens: 12);

        var original = await SendAsync(server.Http, ChatPath, json);
        var replay = await SendAsync(server.Http, ChatPath, json);

        Assert.Equal((HttpStatusCode.OK, "MISS"), (original.Status, original.Cache));
        Assert.Equal((HttpStatusCode.OK, "HIT", "cache"), (replay.Status, replay.Cache, replay.Route));
        Assert.StartsWith("data: {", original.Body, StringComparison.Ordinal);
        Assert.Contains("\"usage\":{", original.Body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", original.Body, StringComparison.Ordinal);
        Assert.True(original.Body.Split("\n\n").Length > 4, "the stream should have several events");
        Assert.Equal(original.Body, replay.Body);
    }

    [Fact]
    public async Task A_replayed_stream_carries_a_usage_event_only_when_the_request_asks_for_one()
    {
        var content = Unique("usage");
        var withUsage = Chat(content, stream: true, includeUsage: true);
        var withoutUsage = Chat(content, stream: true, includeUsage: false);

        var generatedWith = await SendAsync(server.Http, ChatPath, withUsage);
        var servedWithout = await SendAsync(server.Http, ChatPath, withoutUsage);
        var servedWithoutAgain = await SendAsync(server.Http, ChatPath, withoutUsage);
        var servedWith = await SendAsync(server.Http, ChatPath, withUsage);

        Assert.Contains("\"usage\":{", generatedWith.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"usage\":{", servedWithout.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"usage\":{", servedWithoutAgain.Body, StringComparison.Ordinal);
        Assert.Equal("HIT", servedWithoutAgain.Cache);
        Assert.Contains("\"usage\":{", servedWith.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_completions_are_cached_streamed_and_not()
    {
        var prompt = Unique("legacy");

        var json = await SendAsync(server.Http, CompletionsPath, Completion(prompt));
        var jsonReplay = await SendAsync(server.Http, CompletionsPath, Completion(prompt));
        var stream = await SendAsync(server.Http, CompletionsPath, Completion(prompt + " streamed", stream: true));
        var streamReplay = await SendAsync(server.Http, CompletionsPath, Completion(prompt + " streamed", stream: true));

        Assert.Equal(("MISS", "HIT"), (json.Cache, jsonReplay.Cache));
        Assert.Contains("\"text_completion\"", json.Body, StringComparison.Ordinal);
        Assert.Equal(json.Body, jsonReplay.Body);
        Assert.Equal(("MISS", "HIT", "cache"), (stream.Cache, streamReplay.Cache, streamReplay.Route));
        Assert.EndsWith("data: [DONE]\n\n", stream.Body, StringComparison.Ordinal);
        Assert.Equal(stream.Body, streamReplay.Body);
    }

    [Fact]
    public async Task A_stream_the_client_abandons_is_never_cached_in_part()
    {
        var json = Chat(Unique("abandoned"), stream: true, maxTokens: 1900, ignoreEos: true);

        // A client that leaves closes its connection: by default .NET would instead drain up to 1 MB of the
        // rest of the stream to reuse the connection, and the server would see a whole stream read to its end.
        using var leaving = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = server.BaseAddress };
        using (var response = await OpenStreamAsync(json, leaving))
        {
            Assert.Equal("MISS", string.Join(",", response.Headers.GetValues("X-Cache")));
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line && !line.Contains("\"content\":\"", StringComparison.Ordinal))
            {
            }
        }

        // Once the slot is free the abandoned generation has ended one way or the other. The tiny model may
        // well have written the whole stream into the socket before the client left (the server cannot tell
        // that from a client that read it all), and a whole answer may be cached; a cut one never is.
        using var deadline = new CancellationTokenSource(TestLimits.Hang);
        var freed = false;
        while (!freed && !deadline.IsCancellationRequested)
        {
            freed = (await server.Http.GetStringAsync("metrics")).Contains("localopenai_slots_busy{model=\"tiny\"} 0", StringComparison.Ordinal);
            await Task.Delay(10);
        }

        Assert.True(freed, "the abandoned generation still held its slot");
        using var again = await OpenStreamAsync(json);
        var replay = await again.Content.ReadAsStringAsync();
        if (string.Join(",", again.Headers.GetValues("X-Cache")) == "HIT")
        {
            // Only the end of a whole generation carries its finish reason, and only a whole stream [DONE].
            Assert.EndsWith("data: [DONE]\n\n", replay, StringComparison.Ordinal);
            Assert.Contains("\"finish_reason\":\"length\"", replay, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> OpenStreamAsync(string json, HttpClient? client = null)
    {
        using var timeout = new CancellationTokenSource(TestLimits.Hang);
        using var request = new HttpRequestMessage(HttpMethod.Post, ChatPath) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await (client ?? server.Http).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }
}
