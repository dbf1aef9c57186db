using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Character classes and escapes, and how a set of characters is written inside a JSON string.</summary>
internal sealed partial class PatternGrammar
{
    private CharacterSet Class()
    {
        var negated = Next('^');
        var ranges = new List<(int From, int To)>();
        while (_at < _pattern.Length && _pattern[_at] != ']')
        {
            var from = ClassMember(ranges);
            if (from is null)
            {
                continue;
            }

            if (_at + 1 < _pattern.Length && _pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                _at++;
                var to = ClassMember(ranges) ?? throw Refuse("a range that ends in a class escape");
                ranges.Add(to >= from ? (from.Value, to) : throw Refuse("a range out of order"));
            }
            else
            {
                ranges.Add((from.Value, from.Value));
            }
        }

        if (!Next(']'))
        {
            throw Refuse("an unclosed '['");
        }

        return new CharacterSet(negated, ranges);
    }

    /// <summary>One character of a class; a class escape (<c>\d</c>) adds its ranges and gives null.</summary>
    private int? ClassMember(List<(int From, int To)> ranges)
    {
        var c = _pattern[_at++];
        if (c != '\\')
        {
            return c;
        }

        var set = Escape(inClass: true) ?? throw Refuse("an escape at the end");
        if (set.Negated)
        {
            throw Refuse("a negated class escape (\\D, \\W, \\S) inside a class");
        }

        if (set.Ranges.Count == 1 && set.Ranges[0].From == set.Ranges[0].To && !IsClassEscape(_pattern[_at - 1]))
        {
            return set.Ranges[0].From;
        }

        ranges.AddRange(set.Ranges);
        return null;
    }

    private static bool IsClassEscape(int c) => c is 'd' or 'w' or 's';

    private CharacterSet? Escape(bool inClass)
    {
        if (_at >= _pattern.Length)
        {
            return null;
        }

        var c = _pattern[_at++];
        return c switch
        {
            'd' => new CharacterSet(false, [.. Digits]),
            'D' => new CharacterSet(true, [.. Digits]),
            'w' => new CharacterSet(false, [.. Word]),
            'W' => new CharacterSet(true, [.. Word]),
            's' => new CharacterSet(false, [.. Space]),
            'S' => new CharacterSet(true, [.. Space]),
            'n' => Single('\n'),
            'r' => Single('\r'),
            't' => Single('\t'),
            'f' => Single('\f'),
            'v' => Single('\v'),
            '0' => Single(0),
            'b' when inClass => Single('\b'),
            'x' => Single(Hex(2)),
            'u' => Single(Hex(4)),
            'b' or 'B' => throw Refuse("a word boundary (\\b, \\B)"),
            'p' or 'P' => throw Refuse("a Unicode property escape (\\p, \\P)"),
            'k' or (>= '1' and <= '9') => throw Refuse("a backreference"),
            'c' => throw Refuse("a control escape (\\c)"),
            _ when char.IsAsciiLetterOrDigit((char)Math.Min(c, 0x7F)) && c < 0x80 => throw Refuse($"the escape '\\{(char)c}'"),
            _ => Single(c),
        };
    }

    private static CharacterSet Single(int c) => new(false, [(c, c)]);

    private int Hex(int digits)
    {
        if (_at + digits > _pattern.Length)
        {
            throw Refuse("a short hexadecimal escape");
        }

        var text = string.Concat(_pattern[_at..(_at + digits)].Select(c => (char)c));
        _at += digits;
        return int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : throw Refuse("a malformed hexadecimal escape");
    }

    private static string Set(CharacterSet set) => set.Negated ? $"[^{string.Concat(set.Ranges.Select(ClassRange))}{Unwritten}]" : set.Positive();

    private static string ClassRange((int From, int To) range) =>
        range.From == range.To ? CharacterSet.ClassCharacter(range.From) : $"{CharacterSet.ClassCharacter(range.From)}-{CharacterSet.ClassCharacter(range.To)}";
}
