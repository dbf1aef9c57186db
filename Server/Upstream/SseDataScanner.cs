using System.Text;

namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// Follows an SSE byte stream across chunk boundaries: notes <c>data: [DONE]</c> and, when asked,
/// keeps each <c>data:</c> payload (up to a byte budget, after which it keeps nothing).
/// </summary>
internal sealed class SseDataScanner(long captureBudget)
{
    private readonly List<byte> _line = [];
    private readonly List<string>? _events = captureBudget > 0 ? [] : null;
    private long _captured;
    private bool _overBudget;

    /// <summary>Whether <c>data: [DONE]</c> was seen.</summary>
    public bool SawDone { get; private set; }

    /// <summary>The payloads seen, or null when not capturing or over budget.</summary>
    public IReadOnlyList<string>? Events => _overBudget ? null : _events;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var newline = bytes.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.AddRange(bytes);
                return;
            }

            _line.AddRange(bytes[..newline]);
            bytes = bytes[(newline + 1)..];
            EndLine();
        }
    }

    private void EndLine()
    {
        var line = _line.Count > 0 && _line[^1] == (byte)'\r' ? _line.Count - 1 : _line.Count;
        var text = Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_line)[..line]);
        _line.Clear();
        if (!text.StartsWith("data:", StringComparison.Ordinal))
        {
            return;
        }

        var payload = text.AsSpan(5);
        payload = payload.StartsWith(" ") ? payload[1..] : payload;
        if (payload.SequenceEqual("[DONE]"))
        {
            SawDone = true;
            return;
        }

        if (_events is not null && !_overBudget)
        {
            _captured += payload.Length;
            _overBudget = _captured > captureBudget;
            _events.Add(payload.ToString());
        }
    }
}
