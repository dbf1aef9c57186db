using System.Collections.Concurrent;

namespace LocalOpenAi.Router.Calibration;

/// <summary>
/// Moves an agent's complexity score by its users' ratings of local answers: a poor rating (1 or 2) adds
/// <see cref="Step"/> (more of that agent's requests go to the cloud), a good one (4 or 5) takes it away
/// (more stay local), a 3 changes nothing. The shift stays within ±<see cref="MaxShift"/>, so no run of
/// ratings can pin an agent to one side. Thread-safe; kept in memory for the life of the process.
/// </summary>
public sealed class FeedbackCalibration
{
    /// <summary>How far one rating moves an agent's score (the score is P(complex), 0 to 1).</summary>
    public const double Step = 0.02;

    /// <summary>The most ratings can move an agent's score either way.</summary>
    public const double MaxShift = 0.2;

    private readonly ConcurrentDictionary<string, double> _shifts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes a rating (1 to 5) of a local answer for <paramref name="agent"/>; returns the agent's shift after it.</summary>
    public double Record(string agent, int rating)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        var delta = rating switch
        {
            <= 2 => Step,
            >= 4 => -Step,
            _ => 0,
        };
        return _shifts.AddOrUpdate(agent, _ => Clamp(delta), (_, shift) => Clamp(shift + delta));
    }

    /// <summary>The shift ratings have given <paramref name="agent"/> (0 when none).</summary>
    public double ShiftOf(string? agent) => agent is not null && _shifts.TryGetValue(agent, out var shift) ? shift : 0;

    /// <summary>Every agent's shift, for <c>/router/status</c>.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() =>
        _shifts.Where(entry => entry.Value != 0).ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value, 4), StringComparer.OrdinalIgnoreCase);

    private static double Clamp(double shift) => Math.Round(Math.Clamp(shift, -MaxShift, MaxShift), 6);
}
