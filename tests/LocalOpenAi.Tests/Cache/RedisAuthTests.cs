using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Cache;

public sealed class RedisAuthTests
{
    private const string Password = "s3cret-7f2e91";

    private static ResponseCacheKey NewKey() => ResponseCacheKey.FromValue("v1:" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_right_password_in_the_configuration_string_or_the_password_key_works()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        await using var inString = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port},password={Password},abortConnect=false");
        await using var fromKey = new RedisConnection(new CacheOptions { Redis = $"127.0.0.1:{server.Port}", Password = Password }.ToRedisConfiguration());
        var key = NewKey();

        var written = await new RedisResponseCacheStore(inString).SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMinutes(1));
        var read = await new RedisResponseCacheStore(fromKey).TryGetAsync(key);

        Assert.Equal(CacheWriteStatus.Stored, written);
        Assert.Equal("v"u8.ToArray(), read.Value.ToArray());
    }

    [Fact]
    public async Task A_wrong_password_gives_misses_and_one_logged_warning_that_does_not_hold_the_password()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", Password);
        const string wrong = "wrong-pw-4d1c88";
        await using var connection = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port},password={wrong},connectTimeout=1000");
        var logger = new RecordingLogger<RedisResponseCacheStore>();
        var store = new RedisResponseCacheStore(connection, logger: logger);

        var lookups = new List<CacheLookup>();
        for (var i = 0; i < 5; i++)
        {
            lookups.Add(await store.TryGetAsync(NewKey()));
        }

        var write = await store.SetAsync(NewKey(), "v"u8.ToArray(), TimeSpan.FromMinutes(1));

        Assert.All(lookups, lookup => Assert.Equal(CacheLookupStatus.Error, lookup.Status));
        Assert.Equal(CacheWriteStatus.Error, write);
        Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.All(logger.Entries, entry => Assert.DoesNotContain(wrong, entry.Message, StringComparison.Ordinal));
        Assert.All(lookups, lookup => Assert.DoesNotContain(wrong, lookup.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acl_user_from_the_username_key_is_used()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using (var admin = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port}"))
        {
            // The user may only touch keys under its own prefix, so a hit proves the connection is that user.
            var created = await admin.ExecuteAsync(db => db.ExecuteAsync("ACL", "SETUSER", "cacheuser", "on", ">pw", "~cu:*", "+@all"), TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal("OK", created.ToString());
        }

        var options = new CacheOptions { Redis = $"127.0.0.1:{server.Port}", Username = "cacheuser", Password = "pw" };
        await using var connection = new RedisConnection(options.ToRedisConfiguration());
        var allowed = new RedisResponseCacheStore(connection, "cu:");
        var forbidden = new RedisResponseCacheStore(connection, "other:");
        var key = NewKey();

        Assert.Equal(CacheWriteStatus.Stored, await allowed.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMinutes(1)));
        Assert.Equal("v"u8.ToArray(), (await allowed.TryGetAsync(key)).Value.ToArray());
        Assert.Equal(CacheWriteStatus.Error, await forbidden.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMinutes(1)));
    }
}
