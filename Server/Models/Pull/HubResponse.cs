namespace LocalOpenAi.Server.Models.Pull;

/// <summary>The last response of a redirect chain, with the Hub's linked-file headers from any hop.</summary>
internal sealed record HubResponse(HttpResponseMessage Message, string? LinkedEtag, long? LinkedSize) : IDisposable
{
    /// <summary>The SHA-256 the headers promise: <c>X-Linked-Etag</c>, else an <c>ETag</c> that is one.</summary>
    public string? Sha256 => Sha256Digest.Normalize(LinkedEtag) ?? Sha256Digest.Normalize(Message.Headers.ETag?.Tag);

    public void Dispose() => Message.Dispose();
}
