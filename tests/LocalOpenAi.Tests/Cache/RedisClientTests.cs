using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

public sealed class RedisClientTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Real_commands_produce_every_reply_type()
    {
        var key = NewKey();
        var list = NewKey();

        var set = await redis.Client.ExecuteAsync("SET", key, "1");
        var incr = await redis.Client.ExecuteAsync("INCR", key);
        var get = await redis.Client.ExecuteAsync("GET", key);
        var missing = await redis.Client.ExecuteAsync("GET", NewKey());
        await redis.Client.ExecuteAsync("RPUSH", list, "a", "b", "c");
        var range = await redis.Client.ExecuteAsync("LRANGE", list, "0", "-1");
        var empty = await redis.Client.ExecuteAsync("LRANGE", NewKey(), "0", "-1");
        var nullArray = await redis.Client.ExecuteAsync("BLPOP", NewKey(), "0.01");
        var nested = await redis.Client.ExecuteAsync("EVAL", "return {1, {'x', {2}}, 'y'}", "0");
        var wrongType = await redis.Client.ExecuteAsync("LPUSH", key, "x");

        Assert.Equal((RedisReplyKind.SimpleString, "OK"), (set.Kind, set.AsString()));
        Assert.Equal((RedisReplyKind.Integer, 2L), (incr.Kind, incr.Integer));
        Assert.Equal((RedisReplyKind.BulkString, "2"), (get.Kind, get.AsString()));
        Assert.Equal((RedisReplyKind.BulkString, true), (missing.Kind, missing.IsNull));
        Assert.Equal(["a", "b", "c"], range.Elements.Select(e => e.AsString()));
        Assert.Equal((RedisReplyKind.Array, false, 0), (empty.Kind, empty.IsNull, empty.Elements.Count));
        Assert.Equal((RedisReplyKind.Array, true), (nullArray.Kind, nullArray.IsNull));
        Assert.Equal("[Integer:1, [BulkString:x, [Integer:2]], BulkString:y]", nested.ToString());
        Assert.Equal(RedisReplyKind.Error, wrongType.Kind);
        Assert.StartsWith("WRONGTYPE", wrongType.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_command_turns_an_error_reply_into_a_server_error()
    {
        var key = NewKey();
        await redis.Client.ExecuteAsync("RPUSH", key, "a");

        var ex = await Assert.ThrowsAsync<RedisException>(() => redis.Client.GetAsync(key));

        Assert.Equal(RedisErrorKind.ServerError, ex.Kind);
        Assert.Contains("WRONGTYPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_concurrent_commands_on_one_connection_each_get_their_own_answer()
    {
        await using var client = new RedisClient(redis.Options with { PoolSize = 1 });
        var prefix = NewKey();

        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            client.ExecuteAsync("ECHO", $"{prefix}:{i}"))));
        var counters = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.IncrementByAsync(prefix + ":n", 1)));
        var clientIds = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.ExecuteAsync("CLIENT", "ID")));

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"{prefix}:{i}"), replies.Select(r => r.AsString()));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), counters.Order());
        Assert.Single(clientIds.Select(r => r.Integer).Distinct());
    }

    [Fact]
    public async Task A_10_MB_value_round_trips_intact()
    {
        var key = NewKey();
        var value = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);

        await redis.Client.SetAsync(key, value);
        var read = await redis.Client.GetAsync(key);
        var strlen = await redis.Client.ExecuteAsync("STRLEN", key);

        Assert.Equal(value.Length, strlen.Integer);
        Assert.True(value.AsSpan().SequenceEqual(read));
    }

    [Fact]
    public async Task Set_with_PX_expires_in_real_time()
    {
        var key = NewKey();

        await redis.Client.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromMilliseconds(150));
        var before = await redis.Client.GetAsync(key);
        var pttl = await redis.Client.ExecuteAsync("PTTL", key);
        await Task.Delay(400);
        var after = await redis.Client.GetAsync(key);

        Assert.Equal("v"u8.ToArray(), before);
        Assert.InRange(pttl.Integer, 1, 150);
        Assert.Null(after);
    }

    [Fact]
    public async Task Set_with_whole_seconds_uses_EX()
    {
        var key = NewKey();

        await redis.Client.SetAsync(key, "v"u8.ToArray(), TimeSpan.FromSeconds(30));
        var ttl = await redis.Client.ExecuteAsync("TTL", key);

        Assert.InRange(ttl.Integer, 29, 30);
    }

    [Fact]
    public async Task Incrby_and_pexpire_make_an_expiring_shared_counter()
    {
        var key = NewKey();

        var first = await redis.Client.IncrementByAsync(key, 5);
        var second = await redis.Client.IncrementByAsync(key, 2);
        var expiring = await redis.Client.PExpireAsync(key, TimeSpan.FromMilliseconds(100));
        var missing = await redis.Client.PExpireAsync(NewKey(), TimeSpan.FromMilliseconds(100));
        await Task.Delay(300);
        var afterExpiry = await redis.Client.IncrementByAsync(key, 1);

        Assert.Equal((5L, 7L, true, false, 1L), (first, second, expiring, missing, afterExpiry));
    }

    [Fact]
    public async Task Eval_runs_a_script_with_keys_and_args()
    {
        var key = NewKey();

        var reply = await redis.Client.EvalAsync(
            "local n = redis.call('INCRBY', KEYS[1], ARGV[1]); redis.call('PEXPIRE', KEYS[1], ARGV[2]); return n",
            [key],
            ["3", "10000"]);
        var pttl = await redis.Client.ExecuteAsync("PTTL", key);

        Assert.Equal(3, reply.Integer);
        Assert.InRange(pttl.Integer, 1, 10000);
    }

    [Fact]
    public async Task Delete_and_ping()
    {
        var a = NewKey();
        var b = NewKey();
        await redis.Client.SetAsync(a, "1"u8.ToArray());
        await redis.Client.SetAsync(b, "2"u8.ToArray());

        var removed = await redis.Client.DeleteAsync([a, b, NewKey()]);
        var rtt = await redis.Client.PingAsync();

        Assert.Equal(2, removed);
        Assert.Null(await redis.Client.GetAsync(a));
        Assert.InRange(rtt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Select_switches_the_logical_database()
    {
        var key = NewKey();
        await using var db3 = new RedisClient(redis.Options with { Database = 3 });

        await db3.SetAsync(key, "3"u8.ToArray());

        Assert.Equal("3"u8.ToArray(), await db3.GetAsync(key));
        Assert.Null(await redis.Client.GetAsync(key));
    }

    [Fact]
    public async Task Unreachable_server_fails_fast_with_connection_failed()
    {
        await using var client = new RedisClient(new RedisClientOptions { Host = "127.0.0.1", Port = RedisServerProcess.FreePort() });
        var watch = Stopwatch.StartNew();

        var first = await Assert.ThrowsAsync<RedisException>(() => client.PingAsync());
        var second = await Assert.ThrowsAsync<RedisException>(() => client.PingAsync());

        Assert.Equal(RedisErrorKind.ConnectionFailed, first.Kind);
        Assert.Equal(RedisErrorKind.ConnectionFailed, second.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), watch.Elapsed.ToString("c", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Values_are_binary_safe()
    {
        var key = NewKey();
        var value = Encoding.UTF8.GetBytes("\r\n$-1\r\n*3\r\n\0é");

        await redis.Client.SetAsync(key, value);

        Assert.Equal(value, await redis.Client.GetAsync(key));
    }
}
