using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Server.Security;
using LocalOpenAi.Tests.Cache;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOpenAi.Tests.Server.Security;

public sealed class RateLimitCounterStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Memory_windows_start_with_the_first_update_and_reset_when_they_end()
    {
        var time = new ManualTimeProvider();
        var store = new MemoryRateLimitCounterStore(time);

        Assert.Equal(new WindowCount(1, Window), await store.AddAsync("a", 1, Window, default));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(new WindowCount(6, TimeSpan.FromSeconds(6)), await store.AddAsync("a", 5, Window, default));
        Assert.Equal(0, (await store.AddAsync("b", 0, Window, default)).Count);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(new WindowCount(1, Window), await store.AddAsync("a", 1, Window, default));
    }

    [Fact]
    public async Task Memory_store_removes_ended_windows()
    {
        var time = new ManualTimeProvider();
        var store = new MemoryRateLimitCounterStore(time);
        for (var i = 0; i < 1000; i++)
        {
            await store.AddAsync($"k{i}", 1, Window, default);
        }

        time.Advance(Window);
        for (var i = 0; i < 100; i++)
        {
            await store.AddAsync("fresh", 1, Window, default);
        }

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Failover_logs_once_per_outage_and_counts_locally_meanwhile()
    {
        var shared = new FlakyStore();
        var logger = new RecordingLogger<FailoverRateLimitCounterStore>();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var store = Failover(services, shared, new ManualTimeProvider(), logger);

        shared.Down = true;
        Assert.Equal(1, (await store.AddAsync("k", 1, Window, default)).Count);
        Assert.Equal(2, (await store.AddAsync("k", 1, Window, default)).Count);
        Assert.True(store.IsDown);
        shared.Down = false;
        Assert.Equal(42, (await store.AddAsync("k", 1, Window, default)).Count);
        Assert.False(store.IsDown);

        Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Single(logger.Entries, entry => entry.Message.Contains("is back;"));
    }

    [Fact]
    public async Task Failover_stops_asking_a_store_that_keeps_timing_out_until_the_cool_down_ends()
    {
        var shared = new FlakyStore { Down = true };
        var clock = new ManualTimeProvider();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var store = Failover(services, shared, clock, new RecordingLogger<FailoverRateLimitCounterStore>());

        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(i, (await store.AddAsync("k", 1, Window, default)).Count);
        }

        Assert.Equal(3, shared.Calls);
        shared.Down = false;
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(42, (await store.AddAsync("k", 1, Window, default)).Count);
        Assert.Equal(42, (await store.AddAsync("k", 1, Window, default)).Count);
        Assert.Equal(5, shared.Calls);
        Assert.False(store.IsDown);
    }

    [Fact]
    public async Task Redis_store_counts_atomically_and_sets_the_window_once()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var connection = RedisConnection.FromConfiguration($"127.0.0.1:{server.Port}");
        var store = new RedisRateLimitCounterStore(connection, "t:", TimeSpan.FromSeconds(2));

        var counts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.AddAsync("k", 2, Window, default).AsTask()));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i * 2), counts.Select(count => count.Count).Order());
        // The window was set once, by the first increment: every later answer sees it running down, not restarted.
        Assert.All(counts, count => Assert.InRange(count.ResetAfter, Window - TimeSpan.FromSeconds(5), Window));
    }

    private static FailoverRateLimitCounterStore Failover(ServiceProvider services, FlakyStore shared, ManualTimeProvider clock, ILogger<FailoverRateLimitCounterStore> logger) => new(
        shared,
        new MemoryRateLimitCounterStore(clock),
        new RedisStallBreaker(3, TimeSpan.FromMinutes(1), clock),
        new RateLimitStoreMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        logger);

    private sealed class FlakyStore : IRateLimitCounterStore
    {
        private int _calls;

        public bool Down { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Down ? throw new TimeoutException("no answer in time") : ValueTask.FromResult(new WindowCount(42, window));
        }
    }
}
