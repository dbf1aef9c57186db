using LocalOpenAi.Cache;

namespace LocalOpenAi.Tests.Cache;

public sealed class MemoryResponseCacheStoreTests
{
    private readonly ManualTimeProvider _time = new();

    private static ResponseCacheKey Key(string name) => ResponseCacheKey.FromValue("v1:" + name);

    private static byte[] Bytes(int length, byte fill = 1) => Enumerable.Repeat(fill, length).ToArray();

    [Fact]
    public async Task Stored_value_is_a_hit_until_its_ttl_passes()
    {
        var store = new MemoryResponseCacheStore(10, 1_000_000, _time);

        await store.SetAsync(Key("a"), "hello"u8.ToArray(), TimeSpan.FromSeconds(60));
        var hit = await store.TryGetAsync(Key("a"));
        _time.Advance(TimeSpan.FromSeconds(59));
        var stillHit = await store.TryGetAsync(Key("a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var expired = await store.TryGetAsync(Key("a"));

        Assert.Equal(CacheLookupStatus.Hit, hit.Status);
        Assert.Equal("hello"u8.ToArray(), hit.Value.ToArray());
        Assert.True(stillHit.IsHit);
        Assert.Equal(CacheLookupStatus.Miss, expired.Status);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.SizeBytes);
    }

    [Fact]
    public async Task Unknown_key_is_a_miss()
    {
        var store = new MemoryResponseCacheStore(10, 1_000_000, _time);

        Assert.Equal(CacheLookupStatus.Miss, (await store.TryGetAsync(Key("nope"))).Status);
    }

    [Fact]
    public async Task Entry_bound_evicts_the_least_recently_used()
    {
        var store = new MemoryResponseCacheStore(3, 1_000_000, _time);
        var ttl = TimeSpan.FromMinutes(1);
        await store.SetAsync(Key("a"), Bytes(1), ttl);
        await store.SetAsync(Key("b"), Bytes(1), ttl);
        await store.SetAsync(Key("c"), Bytes(1), ttl);

        await store.TryGetAsync(Key("a"));
        await store.SetAsync(Key("d"), Bytes(1), ttl);

        Assert.True((await store.TryGetAsync(Key("a"))).IsHit);
        Assert.False((await store.TryGetAsync(Key("b"))).IsHit);
        Assert.True((await store.TryGetAsync(Key("c"))).IsHit);
        Assert.True((await store.TryGetAsync(Key("d"))).IsHit);
        Assert.Equal(3, store.Count);
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public async Task Byte_bound_evicts_until_the_new_value_fits()
    {
        var perEntry = 1000 + MemoryResponseCacheStore.EntryOverheadBytes + (2 * Key("a").Value.Length);
        var store = new MemoryResponseCacheStore(100, (3 * perEntry) + 10, _time);
        var ttl = TimeSpan.FromMinutes(1);
        await store.SetAsync(Key("a"), Bytes(1000), ttl);
        await store.SetAsync(Key("b"), Bytes(1000), ttl);
        await store.SetAsync(Key("c"), Bytes(1000), ttl);

        await store.SetAsync(Key("d"), Bytes(2000), ttl);

        Assert.False((await store.TryGetAsync(Key("a"))).IsHit);
        Assert.False((await store.TryGetAsync(Key("b"))).IsHit);
        Assert.True((await store.TryGetAsync(Key("c"))).IsHit);
        Assert.True((await store.TryGetAsync(Key("d"))).IsHit);
        Assert.True(store.SizeBytes <= store.MaxBytes);
    }

    [Fact]
    public async Task A_value_larger_than_the_whole_store_is_rejected_and_evicts_nothing()
    {
        var store = new MemoryResponseCacheStore(10, 4096, _time);
        await store.SetAsync(Key("a"), Bytes(10), TimeSpan.FromMinutes(1));

        var result = await store.SetAsync(Key("big"), Bytes(5000), TimeSpan.FromMinutes(1));

        Assert.Equal(CacheWriteStatus.Rejected, result);
        Assert.True((await store.TryGetAsync(Key("a"))).IsHit);
    }

    [Fact]
    public async Task Overwriting_replaces_value_and_size()
    {
        var store = new MemoryResponseCacheStore(10, 1_000_000, _time);
        await store.SetAsync(Key("a"), Bytes(100), TimeSpan.FromMinutes(1));
        var sizeBefore = store.SizeBytes;

        await store.SetAsync(Key("a"), Bytes(10, 7), TimeSpan.FromMinutes(1));

        Assert.Equal(1, store.Count);
        Assert.Equal(sizeBefore - 90, store.SizeBytes);
        Assert.Equal(Bytes(10, 7), (await store.TryGetAsync(Key("a"))).Value.ToArray());
    }

    [Fact]
    public async Task The_store_keeps_its_own_copy_of_the_value()
    {
        var store = new MemoryResponseCacheStore(10, 1_000_000, _time);
        var value = Bytes(4, 1);

        await store.SetAsync(Key("a"), value, TimeSpan.FromMinutes(1));
        value[0] = 9;

        Assert.Equal(Bytes(4, 1), (await store.TryGetAsync(Key("a"))).Value.ToArray());
    }

    [Fact]
    public async Task Concurrent_readers_and_writers_keep_the_bounds()
    {
        var store = new MemoryResponseCacheStore(50, 20_000, _time);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var key = Key($"{(worker * 31 + i) % 200}");
                if (i % 3 == 0)
                {
                    await store.SetAsync(key, Bytes(i % 300), TimeSpan.FromMinutes(1));
                }
                else
                {
                    var lookup = await store.TryGetAsync(key);
                    Assert.NotEqual(CacheLookupStatus.Error, lookup.Status);
                }
            }
        })));

        Assert.InRange(store.Count, 1, 50);
        Assert.InRange(store.SizeBytes, 1, 20_000);
    }

    [Fact]
    public async Task Non_positive_ttl_is_misuse()
    {
        var store = new MemoryResponseCacheStore(10, 1_000_000, _time);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SetAsync(Key("a"), Bytes(1), TimeSpan.Zero).AsTask());
    }
}
