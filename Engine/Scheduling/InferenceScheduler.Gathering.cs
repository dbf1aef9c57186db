using System.Diagnostics;

namespace LocalOpenAi.Engine.Scheduling;

/// <remarks>
/// Arrival gathering. A step that only reads prompts stalls no stream, but a prompt read beside generating
/// streams stalls each of them for its whole pass. When a burst of requests arrives (a wave of streams ended
/// together and their clients come back, or many clients start at once), the first would be read alone and
/// the rest in the next step, beside its first token: two groups that never meet again, each start in one
/// stalling every stream of the other. So before a step that would only read prompts, with slots still free,
/// the scheduler waits briefly for the rest of the burst:
/// after a step that ended k streams, until k requests came back (at most the gather window after it);
/// otherwise until no request arrived for an eighth of the window (at most the window after the first).
/// A generating stream never waits for it, and a client that comes back alone is not held.
/// </remarks>
public sealed partial class InferenceScheduler
{
    private readonly long _gatherWindow;
    private int _endedThisStep;
    private int _returnsExpected;
    private long _returnsDeadline;
    private int _admittedSinceStep;
    private long _firstAdmission;
    private long _lastAdmission;

    private void NoteAdmission(long now)
    {
        _firstAdmission = _admittedSinceStep == 0 ? now : _firstAdmission;
        _lastAdmission = now;
        _admittedSinceStep++;
    }

    /// <summary>After a decode: a step that ended streams and left none generating expects their clients back.</summary>
    private void NoteStepDone()
    {
        var now = Stopwatch.GetTimestamp();
        var generating = _slots.Any(slot => slot.IsGenerating);
        _returnsExpected = _endedThisStep > 0 && !generating ? _endedThisStep : 0;
        _returnsDeadline = now + _gatherWindow;
        _endedThisStep = 0;
        _admittedSinceStep = 0;
    }

    /// <summary>How long to wait for more requests before the next step; zero to decode now.</summary>
    private TimeSpan GatherDelay()
    {
        if (_gatherWindow == 0 || _admittedSinceStep == 0 || _slots.Any(slot => slot.IsGenerating) || !_slots.Any(slot => slot.IsIdle))
        {
            return TimeSpan.Zero;
        }

        var now = Stopwatch.GetTimestamp();
        var until = _returnsExpected > 0 && now < _returnsDeadline
            ? (_admittedSinceStep >= _returnsExpected ? now : _returnsDeadline)
            : Math.Min(_lastAdmission + _gatherWindow / 8, _firstAdmission + _gatherWindow);
        return until > now ? Stopwatch.GetElapsedTime(now, until) : TimeSpan.Zero;
    }

    /// <summary>Waits until a request arrives, <paramref name="delay"/> passes, or the scheduler stops.</summary>
    private void WaitForArrival(TimeSpan delay)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(delay);
        try
        {
            _queue.Reader.WaitToReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
