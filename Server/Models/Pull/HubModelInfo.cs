using System.Text.Json.Serialization;

namespace LocalOpenAi.Server.Models.Pull;

/// <summary>The part of <c>GET /api/models/{owner}/{repo}?blobs=true</c> that a pull needs.</summary>
internal sealed record HubModelInfo(IReadOnlyList<HubSibling>? Siblings);

/// <summary>One file of the listing.</summary>
internal sealed record HubSibling(
    [property: JsonPropertyName("rfilename")] string? FileName,
    long? Size,
    HubLfsInfo? Lfs);

/// <summary>Large-file details: the content's SHA-256 and size.</summary>
internal sealed record HubLfsInfo(string? Sha256, long? Size);

/// <summary>Source-generated JSON for the Hub's listing (camelCase, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(HubModelInfo))]
internal sealed partial class PullJson : JsonSerializerContext;
