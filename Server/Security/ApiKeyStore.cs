using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LocalOpenAi.Server.Security;

/// <summary>The configured keys as SHA-256 hashes, checked in constant time.</summary>
/// <remarks>
/// Keys are hashed once at start and the plain text is dropped. A presented key is hashed and
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/> against every stored hash,
/// without stopping at a match, so timing says nothing about which key (if any) matched.
/// Immutable after construction, hence thread-safe.
/// </remarks>
internal sealed class ApiKeyStore
{
    private readonly (byte[] Hash, ClientIdentity Identity)[] _keys;

    public ApiKeyStore(IOptions<SecurityOptions> options)
    {
        var settings = options.Value;
        var entries = settings.ApiKeys.Select(ApiKeyFileFormat.ParseLine).OfType<ApiKeyEntry>().ToList();
        if (!string.IsNullOrWhiteSpace(settings.ApiKeyFile))
        {
            entries.AddRange(ApiKeyFileFormat.TryReadFile(settings.ApiKeyFile, out _));
        }

        var keys = entries.Select(entry => (Hash(entry.Key), new ClientIdentity(entry.Owner, IsAdmin: false, IsAuthenticated: true, TenantOf(entry.Key)))).ToList();
        if (!string.IsNullOrEmpty(settings.AdminKey))
        {
            keys.Add((Hash(settings.AdminKey), new ClientIdentity("admin", IsAdmin: true, IsAuthenticated: true, TenantOf(settings.AdminKey))));
        }

        _keys = [.. keys];
        Owners = [.. keys.Select(key => key.Item2.Owner).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>False when no key is configured: the server is open.</summary>
    public bool IsEnabled => _keys.Length > 0;

    /// <summary>How many keys (client and admin) are configured.</summary>
    public int KeyCount => _keys.Length;

    /// <summary>The distinct owners, for the start-up log.</summary>
    public IReadOnlyList<string> Owners { get; }

    /// <summary>The identity of <paramref name="presented"/>, or null when it matches no key.</summary>
    public ClientIdentity? Authenticate(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        ClientIdentity? match = null;
        foreach (var (stored, identity) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(stored, hash))
            {
                match = identity;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A stable id for the key (the same across restarts and replicas); a separate hash domain, so it reveals nothing about <see cref="Hash"/>.</summary>
    private static string TenantOf(string key) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("localopenai-tenant:" + key)).AsSpan(0, 12));
}
