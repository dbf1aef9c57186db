namespace LocalOpenAi.Cache;

/// <summary>What a <see cref="CachedResponse"/> replays.</summary>
public enum CachedResponseKind : byte
{
    /// <summary>A non-streamed JSON body.</summary>
    Json = 1,

    /// <summary>A server-sent event stream: the exact sequence of <c>data:</c> payloads.</summary>
    EventStream = 2,
}
