using System.Diagnostics;

namespace LocalOpenAi.LoadGenerator;

/// <summary>
/// Collects the arrival times of one request's content deltas as its bytes come off the socket, and
/// turns them into a <see cref="RequestOutcome"/>.
/// </summary>
internal sealed class StreamTimeline(long startedTimestamp)
{
    private readonly List<double> _gapsMs = [];
    private double? _firstTokenMs;
    private long _lastTokenTimestamp;
    private int _contentDeltas;
    private StreamUsage _usage = StreamUsage.None;

    public void Observe(StreamChunk chunk, long arrivedTimestamp)
    {
        _usage = _usage.Merge(chunk.Usage);
        if (string.IsNullOrEmpty(chunk.Content))
        {
            return;
        }

        if (_firstTokenMs is null)
        {
            _firstTokenMs = Stopwatch.GetElapsedTime(startedTimestamp, arrivedTimestamp).TotalMilliseconds;
        }
        else
        {
            _gapsMs.Add(Stopwatch.GetElapsedTime(_lastTokenTimestamp, arrivedTimestamp).TotalMilliseconds);
        }

        _lastTokenTimestamp = arrivedTimestamp;
        _contentDeltas++;
    }

    public RequestOutcome Complete() => Finish(null);

    public RequestOutcome Fail(RequestFailure failure) => Finish(failure);

    private RequestOutcome Finish(RequestFailure? failure) => new(
        failure,
        Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds,
        _firstTokenMs,
        _gapsMs,
        _contentDeltas,
        _usage);
}
