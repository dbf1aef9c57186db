using LocalOpenAi.Tests.Support;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>
/// A server with API keys <c>sk-a</c> owned by alice, <c>sk-b</c> owned by bob, <c>sk-m</c> whose owner
/// is labelled <c>admin</c>, and the admin key <c>sk-admin</c>.
/// </summary>
public sealed class TenantServerFixture : ServerFixture
{
    public const string AliceKey = "sk-a";
    public const string BobKey = "sk-b";
    public const string LabelledAdminKey = "sk-m";
    public const string AdminKey = "sk-admin";

    protected override IEnumerable<string> ExtraArguments =>
        ["--api-key", $"{AliceKey} alice", "--api-key", $"{BobKey} bob", "--api-key", $"{LabelledAdminKey} admin", "--admin-key", AdminKey];
}
