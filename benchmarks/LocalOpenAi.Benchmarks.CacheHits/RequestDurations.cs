using System.Collections.Concurrent;
using System.Diagnostics;

namespace LocalOpenAi.Benchmarks.CacheHits;

/// <summary>
/// Server-side request durations, taken from ASP.NET Core's own <c>HttpRequestIn</c> activity (started
/// when Kestrel hands the request to the host, stopped when the response has completed), so the
/// product needs no timing header of its own.
/// </summary>
internal sealed class RequestDurations : IDisposable
{
    private const string HostingSource = "Microsoft.AspNetCore";
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly ActivityListener _listener;
    private volatile bool _recording;

    public RequestDurations()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HostingSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (_recording)
                {
                    _milliseconds.Enqueue(activity.Duration.TotalMilliseconds);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Drops what was recorded and records from now on.</summary>
    public void Start()
    {
        _milliseconds.Clear();
        _recording = true;
    }

    /// <summary>Stops recording and returns the durations recorded since <see cref="Start"/>.</summary>
    public IReadOnlyCollection<double> Stop()
    {
        _recording = false;
        return [.. _milliseconds];
    }

    public void Dispose() => _listener.Dispose();
}
