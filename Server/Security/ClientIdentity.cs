namespace LocalOpenAi.Server.Security;

/// <summary>
/// Who is calling: the owner (tenant) of the key that authenticated the request, or
/// <see cref="Anonymous"/> when the server is open or the path needs no key.
/// </summary>
/// <param name="Owner">The tenant name; safe to log and to put in cache keys. Never the key itself.</param>
/// <param name="IsAdmin">Whether the admin key was presented.</param>
/// <param name="IsAuthenticated">Whether a configured key was presented.</param>
public sealed record ClientIdentity(string Owner, bool IsAdmin, bool IsAuthenticated)
{
    private const string ItemKey = "LocalOpenAi.ClientIdentity";

    /// <summary>The caller when no key was checked.</summary>
    public static ClientIdentity Anonymous { get; } = new("anonymous", IsAdmin: false, IsAuthenticated: false);

    /// <summary>The identity the authentication middleware stored for this request, or <see cref="Anonymous"/>.</summary>
    public static ClientIdentity Get(HttpContext context) => context.Items[ItemKey] as ClientIdentity ?? Anonymous;

    internal static void Set(HttpContext context, ClientIdentity identity) => context.Items[ItemKey] = identity;
}
