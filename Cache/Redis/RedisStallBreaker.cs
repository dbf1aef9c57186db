namespace LocalOpenAi.Cache.Redis;

/// <summary>
/// Stops asking a Redis that keeps failing — frozen, unreachable or timing out — for a cool-down, so a request
/// pays nothing for the cache instead of a timeout each; after the cool-down one call probes it again, and the
/// first success closes the breaker. Thread-safe.
/// </summary>
public sealed class RedisStallBreaker(int failures, TimeSpan coolDown, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private long _closedAgainAt;
    private bool _open;

    /// <summary>How long calls are skipped once the breaker opens.</summary>
    public TimeSpan CoolDown => coolDown;

    /// <summary>Whether the breaker is open now (calls are skipped, or one probe is under way).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>False while the cool-down runs; after it, true for one probe at a time.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (!_open)
            {
                return true;
            }

            var now = time.GetTimestamp();
            if (now < _closedAgainAt)
            {
                return false;
            }

            // One probe: the others keep skipping until it answers.
            _closedAgainAt = now + (long)(coolDown.TotalSeconds * time.TimestampFrequency);
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _open = false;
        }
    }

    /// <summary>Counts a failure; returns true when it opened the breaker.</summary>
    public bool Failed()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            var opens = _consecutiveFailures >= failures;
            var opened = opens && !_open;
            if (opens)
            {
                _open = true;
                _closedAgainAt = time.GetTimestamp() + (long)(coolDown.TotalSeconds * time.TimestampFrequency);
            }

            return opened;
        }
    }
}
