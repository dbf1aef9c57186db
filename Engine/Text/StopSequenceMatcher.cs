using System.Text;

namespace LocalOpenAi.Engine.Text;

/// <summary>
/// Watches generated text for stop sequences, also when one spans several tokens. Text that could
/// still turn out to be the start of a stop sequence is held back rather than released.
/// </summary>
public sealed class StopSequenceMatcher
{
    private readonly string[] _stops;
    private readonly StringBuilder _held = new();

    public StopSequenceMatcher(IReadOnlyList<string>? stops) =>
        _stops = stops?.Where(stop => stop.Length > 0).ToArray() ?? [];

    /// <summary>True once a stop sequence has been seen; nothing more is released after that.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds new text; returns the part that is safe to release now.</summary>
    public string Append(string text)
    {
        if (Stopped || text.Length == 0)
        {
            return string.Empty;
        }

        if (_stops.Length == 0)
        {
            return text;
        }

        _held.Append(text);
        var held = _held.ToString();
        var stopAt = FirstStopIndex(held);
        if (stopAt >= 0)
        {
            Stopped = true;
            _held.Clear();
            return held[..stopAt];
        }

        var keep = LongestSuffixThatStartsAStop(held);
        _held.Clear().Append(held, held.Length - keep, keep);
        return held[..^keep];
    }

    /// <summary>Releases whatever is still held back (generation ended without a stop).</summary>
    public string Flush()
    {
        var rest = Stopped ? string.Empty : _held.ToString();
        _held.Clear();
        return rest;
    }

    private int FirstStopIndex(string text)
    {
        var first = -1;
        foreach (var stop in _stops)
        {
            var index = text.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first;
    }

    private int LongestSuffixThatStartsAStop(string text)
    {
        var longest = 0;
        foreach (var stop in _stops)
        {
            for (var length = Math.Min(stop.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
