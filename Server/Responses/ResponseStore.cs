using LocalOpenAi.Cache;

namespace LocalOpenAi.Server.Responses;

/// <summary>
/// Stored Responses in the response cache's store (memory or Redis), each visible only to the tenant that
/// created it and kept for <c>Responses:StoreTtl</c>. A deleted response leaves a tombstone for the same time.
/// </summary>
internal sealed class ResponseStore(IResponseCacheStore store, ResponsesOptions options)
{
    private const string Kind = "response";
    private static readonly byte[] Tombstone = "{\"deleted\":true}"u8.ToArray();

    public async Task<StoredResponse?> FindAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var lookup = await store.TryGetAsync(ResponseCacheKey.ForStoredObject(Kind, tenant, id), cancellationToken);
        return lookup.IsHit ? StoredResponse.Deserialize(lookup.Value.Span) : null;
    }

    public async Task SaveAsync(string tenant, string id, StoredResponse response) =>
        await store.SetAsync(ResponseCacheKey.ForStoredObject(Kind, tenant, id), response.Serialize(), options.StoreTtl, CancellationToken.None);

    public async Task DeleteAsync(string tenant, string id, CancellationToken cancellationToken) =>
        await store.SetAsync(ResponseCacheKey.ForStoredObject(Kind, tenant, id), Tombstone, options.StoreTtl, cancellationToken);
}
