using System.Diagnostics;
using LocalOpenAi.Cache.Redis;

namespace LocalOpenAi.Tests.Cache;

public sealed class RedisClientFailureTests
{
    private static RedisClientOptions OptionsFor(FakeRespServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        PoolSize = 1,
        CommandTimeout = TimeSpan.FromMilliseconds(500),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task A_connection_closed_mid_reply_fails_in_flight_commands_promptly_and_the_next_call_reconnects()
    {
        await using var server = new FakeRespServer(async (stream, index, ct) =>
        {
            await FakeRespServer.ReadSomeAsync(stream, ct);
            if (index == 0)
            {
                await stream.WriteAsync("$10\r\nabc"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(50, ct);
                return;
            }

            await stream.WriteAsync("$5\r\nhello\r\n"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var client = new RedisClient(OptionsFor(server) with { CommandTimeout = TimeSpan.FromSeconds(10) });
        var watch = Stopwatch.StartNew();

        var broken = await Assert.ThrowsAsync<RedisException>(() => client.GetAsync("k"));
        var failedAfter = watch.Elapsed;
        var recovered = await client.GetAsync("k");

        Assert.Equal(RedisErrorKind.ConnectionLost, broken.Kind);
        Assert.True(failedAfter < TimeSpan.FromSeconds(2), $"took {failedAfter}");
        Assert.Equal("hello"u8.ToArray(), recovered);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Garbage_from_the_server_is_a_protocol_error()
    {
        await using var server = new FakeRespServer(async (stream, _, ct) =>
        {
            await FakeRespServer.ReadSomeAsync(stream, ct);
            await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var client = new RedisClient(OptionsFor(server));

        var ex = await Assert.ThrowsAsync<RedisException>(() => client.PingAsync());

        Assert.Equal(RedisErrorKind.ProtocolError, ex.Kind);
    }

    [Fact]
    public async Task A_silent_server_times_out_within_the_command_timeout()
    {
        await using var server = new FakeRespServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var client = new RedisClient(OptionsFor(server) with { CommandTimeout = TimeSpan.FromMilliseconds(200) });
        var watch = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
            (await Assert.ThrowsAsync<RedisException>(() => client.PingAsync())).Kind));

        Assert.Contains(RedisErrorKind.Timeout, results);
        Assert.All(results, kind => Assert.True(kind is RedisErrorKind.Timeout or RedisErrorKind.ConnectionLost));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_reply_arriving_one_byte_at_a_time_is_assembled()
    {
        await using var server = new FakeRespServer(async (stream, _, ct) =>
        {
            await FakeRespServer.ReadSomeAsync(stream, ct);
            foreach (var b in "*2\r\n$3\r\nfoo\r\n:7\r\n"u8.ToArray())
            {
                await stream.WriteAsync(new[] { b }, ct);
                await stream.FlushAsync(ct);
                await Task.Delay(2, ct);
            }

            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var client = new RedisClient(OptionsFor(server) with { CommandTimeout = TimeSpan.FromSeconds(5) });

        var reply = await client.ExecuteAsync("LRANGE", "k", "0", "-1");

        Assert.Equal("[BulkString:foo, Integer:7]", reply.ToString());
    }
}
