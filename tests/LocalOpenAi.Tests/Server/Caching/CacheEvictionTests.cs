using static LocalOpenAi.Tests.Server.Caching.CacheRequests;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>The memory store keeps <c>Cache:MaxEntries</c> entries and evicts the least recently used.</summary>
[Collection(CacheTestCollection.Name)]
public sealed class CacheEvictionTests(SmallCacheServerFixture server) : IClassFixture<SmallCacheServerFixture>
{
    [Fact]
    public async Task A_third_entry_evicts_the_first_when_two_fit()
    {
        var (first, second, third) = (Chat(Unique("first")), Chat(Unique("second")), Chat(Unique("third")));

        Assert.Equal("MISS", await CacheOfAsync(first));
        Assert.Equal("MISS", await CacheOfAsync(second));
        Assert.Equal("MISS", await CacheOfAsync(third));

        Assert.Equal("HIT", await CacheOfAsync(third));
        Assert.Equal("MISS", await CacheOfAsync(first));
    }

    [Fact]
    public async Task A_hit_makes_an_entry_recently_used_so_the_other_one_is_evicted()
    {
        var (first, second, third) = (Chat(Unique("first")), Chat(Unique("second")), Chat(Unique("third")));
        Assert.Equal("MISS", await CacheOfAsync(first));
        Assert.Equal("MISS", await CacheOfAsync(second));
        Assert.Equal("HIT", await CacheOfAsync(first));

        Assert.Equal("MISS", await CacheOfAsync(third));

        Assert.Equal("HIT", await CacheOfAsync(first));
        Assert.Equal("MISS", await CacheOfAsync(second));
    }

    private async Task<string?> CacheOfAsync(string json) => (await SendAsync(server.Http, ChatPath, json)).Cache;
}
