using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

public sealed class RedisAuthTests
{
    [Fact]
    public async Task Auth_with_the_right_password_works_and_a_wrong_one_fails_to_connect()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        var options = new RedisClientOptions { Host = "127.0.0.1", Port = server.Port };
        await using var good = new RedisClient(options with { Password = "s3cret" });
        await using var bad = new RedisClient(options with { Password = "wrong" });
        await using var none = new RedisClient(options);

        var pong = await good.ExecuteAsync("PING");
        var rejected = await Assert.ThrowsAsync<RedisException>(() => bad.PingAsync());
        var noAuth = await none.ExecuteAsync("PING");

        Assert.Equal("PONG", pong.AsString());
        Assert.Equal(RedisErrorKind.ConnectionFailed, rejected.Kind);
        Assert.Contains("AUTH rejected", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", rejected.Message, StringComparison.Ordinal);
        Assert.StartsWith("NOAUTH", noAuth.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_with_username_uses_acl_users()
    {
        await using var server = await RedisServerProcess.StartAsync();
        var options = new RedisClientOptions { Host = "127.0.0.1", Port = server.Port };
        await using (var admin = new RedisClient(options))
        {
            var created = await admin.ExecuteAsync("ACL", "SETUSER", "cacheuser", "on", ">pw", "~*", "+@all");
            Assert.Equal("OK", created.AsString());
        }

        await using var user = new RedisClient(options with { Username = "cacheuser", Password = "pw" });
        var whoami = await user.ExecuteAsync("ACL", "WHOAMI");

        Assert.Equal("cacheuser", whoami.AsString());
    }
}
