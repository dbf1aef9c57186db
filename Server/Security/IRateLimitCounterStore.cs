namespace LocalOpenAi.Server.Security;

/// <summary>Fixed-window counters: the window of a key starts with its first update.</summary>
internal interface IRateLimitCounterStore
{
    /// <summary>Adds <paramref name="amount"/> (0 to read) to the key's current window, starting one of <paramref name="window"/> if none.</summary>
    ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken);
}
