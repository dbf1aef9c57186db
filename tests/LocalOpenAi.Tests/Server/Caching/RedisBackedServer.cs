using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>A server whose response cache lives in the Redis on 127.0.0.1:<paramref name="redisPort"/>.</summary>
public sealed class RedisBackedServer(int redisPort) : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--redis", $"127.0.0.1:{redisPort}"];
}
