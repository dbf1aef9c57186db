using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>A server whose memory cache holds at most two entries.</summary>
public sealed class SmallCacheServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Cache:MaxEntries=2"];
}
