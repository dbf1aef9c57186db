using System.Text.RegularExpressions;

namespace LocalOpenAi.Router.Classification;

/// <summary>
/// The part of the last user message the cue patterns search: all of it when short, otherwise its head and
/// its tail, where instructions sit in RAG-style prompts. Bounding the window keeps classification cost flat
/// however long the pasted context is.
/// </summary>
internal readonly ref struct InstructionText
{
    public const int WindowChars = 1500;

    private readonly ReadOnlySpan<char> _head;
    private readonly ReadOnlySpan<char> _tail;
    private readonly ReadOnlySpan<char> _lowerHead;
    private readonly ReadOnlySpan<char> _lowerTail;

    public InstructionText(string? text)
    {
        var all = (text ?? string.Empty).AsSpan();
        if (all.Length <= 2 * WindowChars)
        {
            _head = all;
            _tail = [];
        }
        else
        {
            _head = all[..WindowChars];
            _tail = all[^WindowChars..];
        }

        _lowerHead = Lower(_head);
        _lowerTail = Lower(_tail);
    }

    /// <summary>Whether a lower-case cue pattern matches the lower-cased window.</summary>
    public bool Has(Regex pattern) => pattern.IsMatch(_lowerHead) || (!_lowerTail.IsEmpty && pattern.IsMatch(_lowerTail));

    /// <summary>Whether a case-sensitive pattern matches the window as written.</summary>
    public bool HasAsWritten(Regex pattern) => pattern.IsMatch(_head) || (!_tail.IsEmpty && pattern.IsMatch(_tail));

    public int Count(Regex pattern, int atMost)
    {
        var count = 0;
        foreach (var _ in pattern.EnumerateMatches(_lowerHead))
        {
            if (++count >= atMost)
            {
                return count;
            }
        }

        foreach (var _ in pattern.EnumerateMatches(_lowerTail))
        {
            if (++count >= atMost)
            {
                return count;
            }
        }

        return count;
    }

    /// <summary>Different matched texts (case-insensitive), counting up to <paramref name="atMost"/>.</summary>
    public int CountDistinct(Regex pattern, int atMost)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in pattern.EnumerateMatches(_lowerHead))
        {
            if (seen.Add(_lowerHead.Slice(match.Index, match.Length).ToString()) && seen.Count >= atMost)
            {
                return seen.Count;
            }
        }

        foreach (var match in pattern.EnumerateMatches(_lowerTail))
        {
            if (seen.Add(_lowerTail.Slice(match.Index, match.Length).ToString()) && seen.Count >= atMost)
            {
                return seen.Count;
            }
        }

        return seen.Count;
    }

    /// <summary>Words in the whole text, or null when the text was too long to search in full.</summary>
    public int? Words()
    {
        if (!_tail.IsEmpty)
        {
            return null;
        }

        int words = 0;
        var inWord = false;
        foreach (var c in _head)
        {
            var letter = !char.IsWhiteSpace(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    /// <summary>Lines that look like code: ending in <c>;</c>, <c>{</c>, <c>}</c> or <c>):</c>.</summary>
    public int CodeShapedLines() => CodeShapedLines(_head) + CodeShapedLines(_tail);

    /// <summary>Share of letters outside ASCII; a cheap signal of non-English text.</summary>
    public double NonAsciiLetterShare()
    {
        int letters = 0, nonAscii = 0;
        Tally(_head, ref letters, ref nonAscii);
        Tally(_tail, ref letters, ref nonAscii);
        return letters == 0 ? 0 : (double)nonAscii / letters;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return [];
        }

        var lower = new char[text.Length];
        text.ToLowerInvariant(lower);
        return lower;
    }

    private static int CodeShapedLines(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var range in text.EnumerateLines())
        {
            var line = range.TrimEnd();
            if (line.Length > 1 && (line[^1] is ';' or '{' or '}' || line.EndsWith("):", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    private static void Tally(ReadOnlySpan<char> text, ref int letters, ref int nonAscii)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c > '\x7f')
                {
                    nonAscii++;
                }
            }
        }
    }
}
