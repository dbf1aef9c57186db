namespace LocalOpenAi.Server.Models.Pull;

/// <summary>A file in a Hub repository, with what the Hub says it should be.</summary>
/// <param name="Name">The path inside the repository (<c>rfilename</c>), '/'-separated.</param>
/// <param name="Size">The size in bytes, when the listing gave one.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of an LFS file, when the listing gave one.</param>
internal sealed record HubFile(string Name, long? Size, string? Sha256);
