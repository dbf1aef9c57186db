using System.Diagnostics;
using System.Net;
using LocalOpenAi.Tests.Support;
using static LocalOpenAi.Tests.Server.Caching.CacheRequests;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>The Redis store shared by two server instances, and what happens while Redis is gone.</summary>
[Collection(CacheTestCollection.Name)]
public sealed class SharedRedisCacheTests(SharedRedisServersFixture servers) : IClassFixture<SharedRedisServersFixture>
{
    private static readonly TimeSpan RecoveryBound = TestLimits.Hang;

    [Fact]
    public async Task An_answer_generated_by_one_server_is_a_hit_on_the_other()
    {
        var json = Chat(Unique("shared"));
        var stream = Chat(Unique("shared stream"), stream: true);

        var generated = await SendAsync(servers.First.Http, ChatPath, json);

        // A JSON answer's last byte leaves before its Redis write completes; a second request on the
        // same keep-alive connection is only read once the first has finished, write included.
        var hitOnFirst = await SendAsync(servers.First.Http, ChatPath, json);
        var replayed = await SendAsync(servers.Second.Http, ChatPath, json);
        var streamed = await SendAsync(servers.Second.Http, ChatPath, stream);
        var streamReplayed = await SendAsync(servers.First.Http, ChatPath, stream);

        Assert.Equal((HttpStatusCode.OK, "MISS", "local"), (generated.Status, generated.Cache, generated.Route));
        Assert.Equal("HIT", hitOnFirst.Cache);
        Assert.Equal((HttpStatusCode.OK, "HIT", "cache"), (replayed.Status, replayed.Cache, replayed.Route));
        Assert.Equal(generated.Body, replayed.Body);
        Assert.Equal(("MISS", "HIT"), (streamed.Cache, streamReplayed.Cache));
        Assert.Equal(streamed.Body, streamReplayed.Body);
    }

    [Fact]
    public async Task Requests_are_served_while_redis_is_down_and_cached_again_once_it_is_back()
    {
        var json = Chat(Unique("outage"));
        Assert.Equal("MISS", (await SendAsync(servers.First.Http, ChatPath, json)).Cache);
        Assert.Equal("HIT", (await SendAsync(servers.First.Http, ChatPath, json)).Cache);

        servers.Redis.Kill();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var reply = await SendAsync(servers.First.Http, ChatPath, json);
                Assert.Equal((HttpStatusCode.OK, "MISS", "local"), (reply.Status, reply.Cache, reply.Route));
                Assert.Contains("\"choices\"", reply.Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            await servers.Redis.RestartAsync();
        }

        // Redis restarted empty; each server's multiplexer reconnects on its own in the background.
        Assert.True(await BecomesHitAsync(servers.First.Http, json), $"server one did not cache again within {RecoveryBound}");
        Assert.True(await BecomesHitAsync(servers.Second.Http, json), $"server two did not read Redis again within {RecoveryBound}");
    }

    private static async Task<bool> BecomesHitAsync(HttpClient http, string json)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < RecoveryBound)
        {
            var reply = await SendAsync(http, ChatPath, json);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            if (reply.Cache == "HIT")
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
