namespace LocalOpenAi.Tests.Server.Caching;

/// <summary>
/// Runs the cache test classes one after another: each starts its own llama.cpp server, and on a
/// small machine servers generating at once make single requests take seconds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CacheTestCollection
{
    public const string Name = "response cache over HTTP";
}
