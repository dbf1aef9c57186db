using System.Net;

namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>What a generation request answered, as the cache tests look at it: status, cache headers and the raw body text.</summary>
internal sealed record CacheReply(HttpStatusCode Status, string? Cache, string? Route, string Body);
