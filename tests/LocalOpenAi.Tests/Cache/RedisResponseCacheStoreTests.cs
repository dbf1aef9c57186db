using System.Diagnostics;
using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Cache;

public sealed class RedisResponseCacheStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static ResponseCacheKey NewKey() => ResponseCacheKey.FromValue("v1:" + Guid.NewGuid().ToString("N"));

    private static readonly TimeSpan FastTimeout = TimeSpan.FromMilliseconds(300);

    private static RedisConnection FastFailing(int port) => RedisConnection.FromConfiguration($"127.0.0.1:{port},connectTimeout=300");

    /// <summary>Connects before the store's first command, which would otherwise also pay the connection under its short timeout.</summary>
    private static Task ConnectAsync(RedisConnection connection) =>
        connection.ExecuteAsync(db => db.PingAsync(), TimeSpan.FromSeconds(30), CancellationToken.None);

    [Fact]
    public async Task Set_then_get_is_a_hit_under_the_prefixed_key_with_redis_expiry()
    {
        var store = new RedisResponseCacheStore(redis.Connection);
        var key = NewKey();

        var missBefore = await store.TryGetAsync(key);
        var written = await store.SetAsync(key, "body"u8.ToArray(), TimeSpan.FromSeconds(30));
        var hit = await store.TryGetAsync(key);
        var raw = (byte[]?)await redis.RunAsync(db => db.StringGetAsync("localopenai:" + key.Value));
        var ttl = await redis.RunAsync(db => db.KeyTimeToLiveAsync("localopenai:" + key.Value));

        Assert.Equal(CacheLookupStatus.Miss, missBefore.Status);
        Assert.Equal(CacheWriteStatus.Stored, written);
        Assert.Equal("body"u8.ToArray(), hit.Value.ToArray());
        Assert.Equal("body"u8.ToArray(), raw);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        Assert.True(store.IsAvailable);
    }

    [Fact]
    public async Task Entries_expire_after_their_ttl()
    {
        var store = new RedisResponseCacheStore(redis.Connection);
        var key = NewKey();

        await store.SetAsync(key, "x"u8.ToArray(), TimeSpan.FromMilliseconds(100));
        await Task.Delay(300);

        Assert.Equal(CacheLookupStatus.Miss, (await store.TryGetAsync(key)).Status);
    }

    [Fact]
    public async Task Two_stores_on_the_same_redis_share_entries_like_replicas()
    {
        await using var otherReplica = RedisConnection.FromConfiguration(redis.Configuration);
        var a = new RedisResponseCacheStore(redis.Connection);
        var b = new RedisResponseCacheStore(otherReplica);
        var key = NewKey();

        await a.SetAsync(key, "shared"u8.ToArray(), TimeSpan.FromSeconds(30));

        Assert.Equal("shared"u8.ToArray(), (await b.TryGetAsync(key)).Value.ToArray());
    }

    [Fact]
    public async Task Redis_killed_mid_test_gives_error_results_logged_once_then_recovers_after_restart()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var connection = FastFailing(server.Port);
        var logger = new RecordingLogger<RedisResponseCacheStore>();
        var store = new RedisResponseCacheStore(connection, logger: logger, breaker: new RedisStallBreaker(3, TimeSpan.FromMilliseconds(50), TimeProvider.System), commandTimeout: FastTimeout);
        var key = NewKey();
        await ConnectAsync(connection);
        Assert.Equal(CacheWriteStatus.Stored, await store.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMinutes(1)));

        server.Kill();
        var watch = Stopwatch.StartNew();
        var lookups = new List<CacheLookup>();
        for (var i = 0; i < 20; i++)
        {
            lookups.Add(await store.TryGetAsync(key));
        }

        var write = await store.SetAsync(key, "w"u8.ToArray(), TimeSpan.FromMinutes(1));
        var outageElapsed = watch.Elapsed;

        Assert.All(lookups, l => Assert.Equal(CacheLookupStatus.Error, l.Status));
        Assert.All(lookups, l => Assert.False(string.IsNullOrEmpty(l.Reason)));
        Assert.Equal(CacheWriteStatus.Error, write);
        Assert.Equal(21, store.ErrorCount);
        Assert.False(store.IsAvailable);
        Assert.True(outageElapsed < TimeSpan.FromSeconds(3), $"outage calls took {outageElapsed}");
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);

        await server.RestartAsync();
        var recovered = await RetryUntilAsync(() => store.SetAsync(key, "back"u8.ToArray(), TimeSpan.FromMinutes(1)).AsTask(), r => r == CacheWriteStatus.Stored);
        var hit = await store.TryGetAsync(key);

        Assert.Equal(CacheWriteStatus.Stored, recovered);
        Assert.Equal("back"u8.ToArray(), hit.Value.ToArray());
        Assert.True(store.IsAvailable);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("available again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_answering_garbage_is_an_error_result_not_an_exception()
    {
        await using var server = new FakeRespServer(async (stream, _, ct) =>
        {
            await FakeRespServer.ReadSomeAsync(stream, ct);
            await stream.WriteAsync("!!garbage!!\r\n"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });

        // The first connect attempt ends with the garbage, not a connect timeout on a loaded machine.
        await using var connection = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port},connectTimeout=10000");
        var store = new RedisResponseCacheStore(connection, commandTimeout: FastTimeout);

        var lookup = await store.TryGetAsync(NewKey());
        var write = await store.SetAsync(NewKey(), "v"u8.ToArray(), TimeSpan.FromMinutes(1));

        Assert.Equal(CacheLookupStatus.Error, lookup.Status);
        // Garbage in the handshake ends the connection before the command; garbage after it fails the command.
        Assert.True(
            lookup.Reason!.Contains(nameof(RedisFailureKind.ProtocolError), StringComparison.Ordinal) || lookup.Reason.Contains(nameof(RedisFailureKind.ConnectionFailed), StringComparison.Ordinal),
            lookup.Reason);
        Assert.Equal(CacheWriteStatus.Error, write);
    }

    [Fact]
    public async Task A_slow_server_is_an_error_result_within_the_timeout()
    {
        await using var server = new FakeRespServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var connection = FastFailing(server.Port);
        var store = new RedisResponseCacheStore(connection, commandTimeout: FastTimeout);
        var watch = Stopwatch.StartNew();

        var lookup = await store.TryGetAsync(NewKey());

        Assert.Equal(CacheLookupStatus.Error, lookup.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"gave up after {watch.Elapsed}, before its timeout");
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_store_error()
    {
        await using var server = new FakeRespServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var connection = FastFailing(server.Port);
        var store = new RedisResponseCacheStore(connection, commandTimeout: TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryGetAsync(NewKey(), cts.Token).AsTask());
        Assert.Equal(0, store.ErrorCount);
    }

    [Fact]
    public async Task A_frozen_redis_is_skipped_after_a_few_timeouts_and_probed_again_after_the_cool_down()
    {
        // A connected Redis stopped with SIGSTOP: the socket stays open, commands are sent and never answered.
        await using var server = await RedisServerProcess.StartAsync();
        await using var connection = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port},asyncTimeout=600000,responseTimeout=600000");
        await using var admin = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port},allowAdmin=true,asyncTimeout=600000,responseTimeout=600000");
        var clock = new ManualTimeProvider();
        var store = new RedisResponseCacheStore(connection, breaker: new RedisStallBreaker(3, TimeSpan.FromMinutes(1), clock), commandTimeout: FastTimeout);
        var key = NewKey();
        await ConnectAsync(connection);
        Assert.Equal(CacheWriteStatus.Stored, await store.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMinutes(5)));
        await admin.ExecuteAsync(db => db.ExecuteAsync("CONFIG", "RESETSTAT"), TimeSpan.FromSeconds(10), CancellationToken.None);

        await server.FreezeAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CacheLookupStatus.Error, (await store.TryGetAsync(key)).Status);
        }

        var skipped = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.TryGetAsync(key).AsTask()));
        var skippedWrite = await store.SetAsync(key, "x"u8.ToArray(), TimeSpan.FromMinutes(1));

        Assert.True(store.IsSkipping);
        Assert.All(skipped, lookup => Assert.Equal(CacheLookupStatus.Error, lookup.Status));
        Assert.Equal(CacheWriteStatus.Error, skippedWrite);

        clock.Advance(TimeSpan.FromMinutes(2));
        var probe = await store.TryGetAsync(key);

        Assert.Equal(CacheLookupStatus.Error, probe.Status);
        Assert.True(store.IsSkipping);

        await server.ThawAsync();

        // Answered after everything the store sent before it on the same connection, so the counts below are final.
        await connection.ExecuteAsync(db => db.PingAsync(), TimeSpan.FromSeconds(30), CancellationToken.None);
        var stats = await admin.ExecuteAsync(db => db.ExecuteAsync("INFO", "commandstats"), TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Contains("cmdstat_get:calls=4,", stats.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cmdstat_set:", stats.ToString(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(2));
        var recovered = await store.TryGetAsync(key);

        Assert.Equal("v"u8.ToArray(), recovered.Value.ToArray());
        Assert.False(store.IsSkipping);
    }

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(25);
        }
    }
}
