using LocalOpenAi.Cache;
using LocalOpenAi.Cache.Redis;
using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Cache;

/// <summary>A redis-server with a TLS listener and a certificate from a CA made in the test.</summary>
public sealed class RedisTlsTests
{
    private static ResponseCacheKey NewKey() => ResponseCacheKey.FromValue("v1:" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Ssl_true_with_the_ca_trusted_stores_and_reads_and_an_untrusted_ca_is_an_error_not_a_crash()
    {
        using var certificates = new RedisTlsCertificates();
        var tlsPort = LoopbackPort.Free();
        await using var server = await RedisServerProcess.StartAsync(certificates.ServerArgs(tlsPort));

        var trusted = RedisConfiguration.Parse($"127.0.0.1:{tlsPort},ssl=true,connectTimeout=10000");
        trusted.TrustIssuer(certificates.Authority);
        await using var connection = new RedisConnection(trusted);
        await using var untrusted = RedisConnection.FromConfiguration($"127.0.0.1:{tlsPort},ssl=true,connectTimeout=1000");
        var store = new RedisResponseCacheStore(connection);
        var key = NewKey();

        var written = await store.SetAsync(key, "over tls"u8.ToArray(), TimeSpan.FromMinutes(1));
        var read = await store.TryGetAsync(key);
        var refused = await new RedisResponseCacheStore(untrusted).TryGetAsync(key);

        Assert.Equal(CacheWriteStatus.Stored, written);
        Assert.Equal("over tls"u8.ToArray(), read.Value.ToArray());
        Assert.Equal(CacheLookupStatus.Error, refused.Status);
    }
}
