namespace LocalOpenAi.Server.Dashboard;

/// <summary>The last <see cref="Capacity"/> generation requests, newest first, for the dashboard. Thread-safe.</summary>
internal sealed class RecentRequests
{
    public const int Capacity = 50;

    private readonly Lock _gate = new();
    private readonly LinkedList<RecentRequest> _items = new();

    public void Add(RecentRequest request)
    {
        lock (_gate)
        {
            _items.AddFirst(request);
            if (_items.Count > Capacity)
            {
                _items.RemoveLast();
            }
        }
    }

    public IReadOnlyList<RecentRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }
}
