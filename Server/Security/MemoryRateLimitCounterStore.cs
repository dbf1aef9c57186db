using System.Collections.Concurrent;

namespace LocalOpenAi.Server.Security;

/// <summary>Fixed-window counters in this process, on an injected clock.</summary>
/// <remarks>
/// Thread-safe: each window is updated under its own lock. Every <see cref="SweepEvery"/> updates,
/// ended windows are removed; a removed window is marked so that a caller still holding it retries.
/// </remarks>
internal sealed class MemoryRateLimitCounterStore(TimeProvider time) : IRateLimitCounterStore
{
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private int _updates;

    public int Count => _counters.Count;

    public ValueTask<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _updates) % SweepEvery == 0)
        {
            Sweep(now);
        }

        while (true)
        {
            var counter = _counters.GetOrAdd(key, static _ => new Counter());
            lock (counter)
            {
                if (counter.Removed)
                {
                    continue;
                }

                if (counter.Ends <= now)
                {
                    counter.Count = 0;
                    counter.Ends = now + window;
                }

                counter.Count += amount;
                return ValueTask.FromResult(new WindowCount(counter.Count, counter.Ends - now));
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            lock (counter)
            {
                if (counter.Ends <= now)
                {
                    counter.Removed = true;
                    _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
                }
            }
        }
    }

    private sealed class Counter
    {
        public long Count { get; set; }

        public DateTimeOffset Ends { get; set; }

        public bool Removed { get; set; }
    }
}
