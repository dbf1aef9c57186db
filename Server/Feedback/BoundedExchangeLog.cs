namespace LocalOpenAi.Server.Feedback;

/// <summary>An in-memory <see cref="IExchangeLog"/> holding the most recent <c>capacity</c> exchanges (oldest forgotten first).</summary>
internal sealed class BoundedExchangeLog(int capacity) : IExchangeLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExchangeRecord> _byId = new(StringComparer.Ordinal);
    private readonly Queue<ExchangeRecord> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    public void Record(ExchangeRecord exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _byId[exchange.RequestId] = exchange;
            _order.Enqueue(exchange);
            while (_byId.Count > capacity && _order.TryDequeue(out var oldest))
            {
                // A replaced record's stale queue entry must not evict its successor.
                if (_byId.TryGetValue(oldest.RequestId, out var current) && ReferenceEquals(current, oldest))
                {
                    _byId.Remove(oldest.RequestId);
                }
            }

            // Stale entries of replaced records: keep the queue from growing past twice the capacity.
            if (_order.Count > 2 * capacity)
            {
                var live = _order.Where(entry => _byId.TryGetValue(entry.RequestId, out var current) && ReferenceEquals(current, entry)).ToArray();
                _order.Clear();
                foreach (var entry in live)
                {
                    _order.Enqueue(entry);
                }
            }
        }
    }

    public ExchangeRecord? Find(string requestId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(requestId);
        }
    }
}
