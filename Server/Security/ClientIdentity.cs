namespace LocalOpenAi.Server.Security;

/// <summary>
/// Who is calling: the key that authenticated the request and its owner label, or
/// <see cref="Anonymous"/> when the server is open or the path needs no key.
/// </summary>
/// <param name="Owner">The owner label; safe to log. Not an identity: two keys may share a label.</param>
/// <param name="IsAdmin">Whether the admin key was presented.</param>
/// <param name="IsAuthenticated">Whether a configured key was presented.</param>
/// <param name="Tenant">
/// Whose data this is (cached answers, stored responses): derived from the key itself, so that a
/// client key whose owner is labelled <c>admin</c> never reads the admin key's data. Never the key.
/// </param>
internal sealed record ClientIdentity(string Owner, bool IsAdmin, bool IsAuthenticated, string Tenant)
{
    private const string ItemKey = "LocalOpenAi.ClientIdentity";

    /// <summary>The caller when no key was checked.</summary>
    public static ClientIdentity Anonymous { get; } = new("anonymous", IsAdmin: false, IsAuthenticated: false, Tenant: "anonymous");

    /// <summary>The identity the authentication middleware stored for this request, or <see cref="Anonymous"/>.</summary>
    public static ClientIdentity Get(HttpContext context) => context.Items[ItemKey] as ClientIdentity ?? Anonymous;

    internal static void Set(HttpContext context, ClientIdentity identity) => context.Items[ItemKey] = identity;
}
