using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>A server with two API keys: <c>sk-a</c> owned by alice and <c>sk-b</c> owned by bob.</summary>
public sealed class TenantServerFixture : ServerFixture
{
    public const string AliceKey = "sk-a";
    public const string BobKey = "sk-b";

    protected override IEnumerable<string> ExtraArguments => ["--api-key", $"{AliceKey} alice", "--api-key", $"{BobKey} bob"];
}
