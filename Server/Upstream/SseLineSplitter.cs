using System.Runtime.InteropServices;

namespace LocalOpenAi.Server.Upstream;

/// <summary>
/// Follows an SSE byte stream across reads and yields each event's <c>data:</c> payload (several
/// <c>data:</c> lines of one event joined by newlines, as the SSE standard says); other fields and
/// comments are dropped.
/// </summary>
internal sealed class SseLineSplitter
{
    private readonly List<byte> _line = [];
    private readonly List<byte> _data = [];
    private bool _hasData;

    public List<ReadOnlyMemory<byte>> Payloads(ReadOnlySpan<byte> bytes)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        while (!bytes.IsEmpty)
        {
            var newline = bytes.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.AddRange(bytes);
                break;
            }

            _line.AddRange(bytes[..newline]);
            bytes = bytes[(newline + 1)..];
            EndLine(found);
        }

        return found;
    }

    private void EndLine(List<ReadOnlyMemory<byte>> found)
    {
        var line = CollectionsMarshal.AsSpan(_line);
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            if (_hasData)
            {
                found.Add(_data.ToArray());
            }

            _data.Clear();
            _hasData = false;
        }
        else if (line.StartsWith("data:"u8))
        {
            var value = line[5..];
            value = !value.IsEmpty && value[0] == (byte)' ' ? value[1..] : value;
            if (_hasData)
            {
                _data.Add((byte)'\n');
            }

            _data.AddRange(value);
            _hasData = true;
        }

        _line.Clear();
    }
}
