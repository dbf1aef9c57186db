namespace LocalOpenAi.Cache;

/// <summary>An in-process, size-bounded LRU store with per-entry TTL.</summary>
/// <remarks>
/// Thread-safe (one lock; every operation is O(1)). Bounded both by entry count and by bytes, where
/// an entry's size is its value length plus <see cref="EntryOverheadBytes"/> plus two bytes per key
/// character. When a write would exceed a bound, least-recently-used entries are evicted; a value
/// that alone exceeds <see cref="MaxBytes"/> is rejected. Expired entries are dropped when touched
/// or evicted. Time comes from the injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed class MemoryResponseCacheStore : IResponseCacheStore
{
    /// <summary>Bytes charged per entry on top of its value, for the node, dictionary slot and strings.</summary>
    public const int EntryOverheadBytes = 128;

    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private long _sizeBytes;
    private long _evictions;

    /// <summary>Creates an empty store.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive.</exception>
    public MemoryResponseCacheStore(int maxEntries, long maxBytes, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Most entries held at once.</summary>
    public int MaxEntries { get; }

    /// <summary>Most bytes (as charged per entry) held at once.</summary>
    public long MaxBytes { get; }

    /// <summary>Entries held now, expired ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Bytes charged for the entries held now.</summary>
    public long SizeBytes => Interlocked.Read(ref _sizeBytes);

    /// <summary>Entries evicted to respect a bound since creation.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <inheritdoc />
    public ValueTask<CacheLookup> TryGetAsync(ResponseCacheKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_index.TryGetValue(key.Value, out var node))
            {
                return ValueTask.FromResult(CacheLookup.Miss);
            }

            if (node.Value.ExpiresAt <= now)
            {
                Remove(node);
                return ValueTask.FromResult(CacheLookup.Miss);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult(CacheLookup.Hit(node.Value.Value));
        }
    }

    /// <inheritdoc />
    public ValueTask<CacheWriteStatus> SetAsync(ResponseCacheKey key, ReadOnlyMemory<byte> value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var size = value.Length + EntryOverheadBytes + (2L * key.Value.Length);
        if (size > MaxBytes)
        {
            return ValueTask.FromResult(CacheWriteStatus.Rejected);
        }

        var entry = new Entry(key.Value, value.ToArray(), size, _timeProvider.GetUtcNow() + ttl);
        lock (_gate)
        {
            if (_index.TryGetValue(key.Value, out var existing))
            {
                Remove(existing);
            }

            while (_recency.Last is { } oldest && (_index.Count + 1 > MaxEntries || _sizeBytes + size > MaxBytes))
            {
                Remove(oldest);
                _evictions++;
            }

            _index[key.Value] = _recency.AddFirst(entry);
            _sizeBytes += size;
        }

        return ValueTask.FromResult(CacheWriteStatus.Stored);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _index.Remove(node.Value.Key);
        _sizeBytes -= node.Value.Size;
    }

    private sealed record Entry(string Key, byte[] Value, long Size, DateTimeOffset ExpiresAt);
}
