using System.Diagnostics;
using System.Net;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Server.Caching.CacheRequests;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>Hits, misses and bypasses of the memory response cache over real HTTP and real llama.cpp.</summary>
[Collection(CacheTestCollection.Name)]
public sealed class ResponseCacheHttpTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_repeated_deterministic_request_is_replayed_from_the_cache_byte_for_byte()
    {
        var json = Chat(Unique("repeat"));

        var first = await SendAsync(server.Http, ChatPath, json);
        var second = await SendAsync(server.Http, ChatPath, json);

        Assert.Equal((HttpStatusCode.OK, "MISS", "local"), (first.Status, first.Cache, first.Route));
        Assert.Equal((HttpStatusCode.OK, "HIT", "cache"), (second.Status, second.Cache, second.Route));
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Requests_that_differ_in_content_or_sampling_miss()
    {
        var content = Unique("variants");
        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content))).Cache);
        Assert.Equal("HIT", (await SendAsync(server.Http, ChatPath, Chat(content))).Cache);

        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content + " again"))).Cache);
        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content, temperature: 0, seed: 7))).Cache);
        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content, temperature: 0, seed: 8))).Cache);
        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content, temperature: 0.5, seed: 7))).Cache);
        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, Chat(content, maxTokens: 9))).Cache);
    }

    [Fact]
    public async Task Field_order_and_whitespace_do_not_change_the_key()
    {
        var content = Unique("canonical");
        var compact = $$"""{"model":"tiny","messages":[{"role":"user","content":"{{content}}"}],"max_tokens":8,"temperature":0}""";
        var reordered = $$"""
            {
              "temperature" : 0.0,
              "max_tokens" : 8,
              "messages" : [ { "content" : "{{content}}", "role" : "user" } ],
              "model" : "tiny"
            }
            """;

        var first = await SendAsync(server.Http, ChatPath, compact);
        var second = await SendAsync(server.Http, ChatPath, reordered);

        Assert.Equal(("MISS", "HIT"), (first.Cache, second.Cache));
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Cache_control_no_cache_bypasses_reading_and_writing()
    {
        var json = Chat(Unique("no-cache"));

        var bypassed = await SendAsync(server.Http, ChatPath, json, headers => headers.Add("Cache-Control", "no-cache"));
        var afterBypass = await SendAsync(server.Http, ChatPath, json);
        var bypassedAgain = await SendAsync(server.Http, ChatPath, json, headers => headers.Add("Cache-Control", "no-cache"));

        Assert.Equal((HttpStatusCode.OK, "BYPASS", "local"), (bypassed.Status, bypassed.Cache, bypassed.Route));
        Assert.Equal("MISS", afterBypass.Cache);
        Assert.Equal((HttpStatusCode.OK, "BYPASS", "local"), (bypassedAgain.Status, bypassedAgain.Cache, bypassedAgain.Route));
    }

    [Fact]
    public async Task Non_deterministic_requests_bypass_the_cache_by_default()
    {
        var content = Unique("sampled");

        var first = await SendAsync(server.Http, ChatPath, Chat(content, temperature: 0.8));
        var second = await SendAsync(server.Http, ChatPath, Chat(content, temperature: 0.8));
        var defaultTemperature = await SendAsync(server.Http, ChatPath, Chat(content, temperature: null));

        Assert.Equal((HttpStatusCode.OK, "BYPASS"), (first.Status, first.Cache));
        Assert.Equal((HttpStatusCode.OK, "BYPASS"), (second.Status, second.Cache));
        Assert.Equal((HttpStatusCode.OK, "BYPASS"), (defaultTemperature.Status, defaultTemperature.Cache));
    }

    [Fact]
    public async Task An_entry_with_a_one_second_ttl_hits_at_once_and_misses_after_it_expires()
    {
        var json = Chat(Unique("ttl"));
        void OneSecond(System.Net.Http.Headers.HttpRequestHeaders headers) => headers.Add("X-Cache-TTL", "1");

        Assert.Equal("MISS", (await SendAsync(server.Http, ChatPath, json, OneSecond)).Cache);
        var stored = Stopwatch.StartNew();
        Assert.Equal("HIT", (await SendAsync(server.Http, ChatPath, json, OneSecond)).Cache);

        string? cache = "HIT";
        var seen = new List<string>();
        while (cache == "HIT" && stored.Elapsed < TimeSpan.FromSeconds(8))
        {
            await Task.Delay(100);
            cache = (await SendAsync(server.Http, ChatPath, json, OneSecond)).Cache;
            seen.Add($"{stored.Elapsed.TotalMilliseconds:0}:{cache}");
        }

        Assert.True(cache == "MISS", "still a hit 8 s after storing with a 1 s TTL: " + string.Join(" ", seen));
        Assert.True(stored.Elapsed > TimeSpan.FromSeconds(0.9), "expired before its TTL: " + string.Join(" ", seen));
    }

    [Fact]
    public async Task An_error_answer_is_not_cached()
    {
        // Valid JSON that fails after the cache lookup: the prompt plus max_tokens exceed the slot's context.
        var json = Chat(Unique("too long"), maxTokens: 100_000);

        var first = await SendAsync(server.Http, ChatPath, json);
        var second = await SendAsync(server.Http, ChatPath, json);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Contains("context_length_exceeded", first.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "MISS"), (second.Status, second.Cache));
    }
}
