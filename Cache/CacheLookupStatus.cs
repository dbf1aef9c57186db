namespace LocalOpenAi.Cache;

/// <summary>Outcome of a cache read.</summary>
public enum CacheLookupStatus
{
    /// <summary>The key was found and not expired.</summary>
    Hit,

    /// <summary>The key is absent or expired.</summary>
    Miss,

    /// <summary>The store could not answer (down, slow, garbage); treat as a miss and do not retry.</summary>
    Error,
}
