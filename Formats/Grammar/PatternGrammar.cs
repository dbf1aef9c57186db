using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// A GBNF expression for the JSON string contents (between the quotes, escaped as JSON) that a JSON Schema
/// <c>pattern</c> matches: ECMAScript's literals, classes and their escapes, <c>.</c>, groups, alternation and
/// quantifiers, with <c>^</c>/<c>$</c> at its ends; unanchored, it matches anywhere in the string.
/// </summary>
/// <remarks>
/// The grammar may write less than the pattern admits, never more: quotes, backslashes and control characters come
/// only from literals and positive classes that name them, so a negated class, <c>.</c> or an unanchored end writes
/// none. Lookaround, backreferences, word boundaries and Unicode properties cannot be written as GBNF and are
/// refused, as is a quantifier over something that can match nothing (llama.cpp's grammar would recurse on it).
/// </remarks>
internal sealed class PatternGrammar
{
    /// <summary>What a negated class, <c>.</c> and the open ends of an unanchored pattern never write.</summary>
    private const string Unwritten = "\"\\\\\\x00-\\x1F\\x7F\\uD800-\\uDFFF\\U00110000-\\U003FFFFF";

    private static readonly (int From, int To)[] Digits = [('0', '9')];
    private static readonly (int From, int To)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (int From, int To)[] Space = [('\t', '\r'), (' ', ' '), (0xA0, 0xA0), (0x2028, 0x2029), (0xFEFF, 0xFEFF)];
    private static readonly (int From, int To)[] LineEnds = [('\n', '\n'), ('\r', '\r'), (0x2028, 0x2029)];

    /// <summary>Groups nested inside each other: each costs GBNF two levels of parentheses (<see cref="GbnfLimits.MaxNesting"/>).</summary>
    private const int MaxGroupNesting = 16;

    private readonly int[] _pattern;
    private int _at;
    private int _depth;

    private PatternGrammar(string pattern) => _pattern = [.. pattern.EnumerateRunes().Select(rune => rune.Value)];

    /// <summary>The expression, or null with <paramref name="error"/> saying what the pattern uses that cannot be written.</summary>
    public static Piece? Build(string pattern, out string error)
    {
        error = string.Empty;
        try
        {
            return new PatternGrammar(pattern).Whole();
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>The top level: branches that may each be anchored with <c>^</c> and <c>$</c>, or open at either end.</summary>
    private Piece Whole()
    {
        var branches = new List<Piece>();
        do
        {
            var anchoredStart = Next('^');
            var body = Sequence(_pattern.Length, topLevel: true);
            var anchoredEnd = Next('$');
            var open = $"[^{Unwritten}]*";
            branches.Add(body with
            {
                Text = $"{(anchoredStart ? string.Empty : open + " ")}( {body.Text} ){(anchoredEnd ? string.Empty : " " + open)}",
                MaxLength = anchoredStart && anchoredEnd ? body.MaxLength : null,
            });
        }
        while (Next('|'));

        return _at == _pattern.Length ? Alternatives(branches)
            : throw Refuse(_pattern[_at] == ')' ? "an unmatched ')'" : $"'{char.ConvertFromUtf32(_pattern[_at])}' here");
    }

    private Piece Alternation(int end)
    {
        var branches = new List<Piece> { Sequence(end, topLevel: false) };
        while (_at < end && _pattern[_at] == '|')
        {
            _at++;
            branches.Add(Sequence(end, topLevel: false));
        }

        return Alternatives(branches);
    }

    private static Piece Alternatives(List<Piece> branches) =>
        branches.Count == 1 ? branches[0]
            : new Piece(
                "( " + string.Join(" | ", branches.Select(b => b.Text)) + " )",
                branches.Min(b => b.MinLength),
                branches.Any(b => b.MaxLength is null) ? null : branches.Max(b => b.MaxLength),
                branches.Aggregate(CodePointSet.Empty, (set, b) => set.Union(b.First)),
                branches.Aggregate(CodePointSet.Empty, (set, b) => set.Union(b.Trailing)));

    /// <summary>Items up to a <c>|</c> or <c>)</c>; at the top level, also up to a <c>$</c> that ends a branch.</summary>
    private Piece Sequence(int end, bool topLevel)
    {
        var items = new List<Piece>();
        while (_at < end && _pattern[_at] is not ('|' or ')') && !(topLevel && _pattern[_at] == '$' && (_at + 1 == end || _pattern[_at + 1] == '|')))
        {
            items.Add(Quantified(Atom(end), end));
        }

        return items.Count == 0 ? new Piece("\"\"", 0, 0, CodePointSet.Empty, CodePointSet.Empty)
            : new Piece(
                string.Join(" ", items.Select(i => i.Text)),
                Cap(items.Sum(i => i.MinLength)),
                items.Any(i => i.MaxLength is null) ? null : Cap(items.Sum(i => i.MaxLength!.Value)),
                Reach(items, i => i.First),
                Reach(items.AsEnumerable().Reverse(), i => i.Trailing));
    }

    /// <summary>The union of <paramref name="set"/> over the items up to and including the first that cannot be empty.</summary>
    private static CodePointSet Reach(IEnumerable<Piece> items, Func<Piece, CodePointSet> set)
    {
        var reach = CodePointSet.Empty;
        foreach (var item in items)
        {
            reach = reach.Union(set(item));
            if (item.MinLength > 0)
            {
                break;
            }
        }

        return reach;
    }

    private Piece Quantified(Piece atom, int end)
    {
        if (_at >= end || _pattern[_at] is not ('*' or '+' or '?' or '{'))
        {
            return atom;
        }

        var (min, max) = Quantifier();
        if (_at < end && _pattern[_at] == '?')
        {
            _at++; // lazy: the same strings
        }

        if (atom.MinLength == 0 && max != 1)
        {
            throw Refuse("a repeated part that can match nothing");
        }

        if (max != 1 && atom.Trailing.Overlaps(atom.First))
        {
            // (a+)+: llama.cpp would follow every way of splitting a run between the two repeats.
            throw Refuse("a repeated part that ends in a repeat of what it starts with");
        }

        var group = $"( {atom.Text} )";
        var text = (min, max) switch
        {
            (0, null) => $"{group}*",
            (1, null) => $"{group}+",
            (0, 1) => $"{group}?",
            (_, null) => $"{group}{{{min},}}",
            _ when min == max => $"{group}{{{min}}}",
            _ => $"{group}{{{min},{max}}}",
        };
        return new Piece(
            text,
            Cap(atom.MinLength * min),
            max is null || atom.MaxLength is null ? null : Cap(atom.MaxLength.Value * max.Value),
            atom.First,
            max == 1 ? atom.Trailing : atom.Trailing.Union(atom.First));
    }

    private (int Min, int? Max) Quantifier()
    {
        var symbol = _pattern[_at++];
        switch (symbol)
        {
            case '*':
                return (0, null);
            case '+':
                return (1, null);
            case '?':
                return (0, 1);
        }

        var min = Number() ?? throw Refuse("a '{' that does not start a quantifier");
        int? max = min;
        if (Next(','))
        {
            max = Number();
        }

        if (!Next('}') || max < min)
        {
            throw Refuse("a malformed quantifier");
        }

        return (min, max);
    }

    private Piece Atom(int end)
    {
        var c = _pattern[_at++];
        switch (c)
        {
            case '(':
                return Group();
            case '[':
                return Character(Class());
            case '.':
                return Character(new CharacterSet(true, [.. LineEnds]));
            case '\\':
                return Character(Escape(inClass: false) ?? throw Refuse("an escape at the end"));
            case '^' or '$':
                throw Refuse($"the anchor '{(char)c}' inside the pattern");
            case '*' or '+' or '?' or '{':
                throw Refuse($"a quantifier '{(char)c}' with nothing to repeat");
            default:
                return Character(new CharacterSet(false, [(c, c)]));
        }
    }

    private Piece Group()
    {
        if (Next('?'))
        {
            if (Next(':'))
            {
                // A group that does not capture.
            }
            else if (Next('<') && _at < _pattern.Length && _pattern[_at] is not ('=' or '!'))
            {
                while (_at < _pattern.Length && _pattern[_at] != '>')
                {
                    _at++;
                }

                if (!Next('>'))
                {
                    throw Refuse("an unterminated group name");
                }
            }
            else
            {
                throw Refuse("lookaround or inline flags ('(?')");
            }
        }

        if (++_depth > MaxGroupNesting)
        {
            throw Refuse($"groups nested more than {MaxGroupNesting} deep");
        }

        var close = ClosingParenthesis();
        var inner = Alternation(close);
        _at = close + 1;
        _depth--;
        return inner with { Text = $"( {inner.Text} )" };
    }

    /// <summary>Where the group opened just before <see cref="_at"/> closes, skipping classes and escapes.</summary>
    private int ClosingParenthesis()
    {
        var depth = 0;
        for (var i = _at; i < _pattern.Length; i++)
        {
            switch (_pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    while (++i < _pattern.Length && _pattern[i] != ']')
                    {
                        i += _pattern[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth-- == 0:
                    return i;
            }
        }

        throw Refuse("an unclosed '('");
    }

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

    private static Piece Character(CharacterSet set) => new(Set(set), 1, 1, CodePointSet.Of(set), CodePointSet.Empty);

    /// <summary>Lengths past a billion characters are all "too long": capped, so nested repeats cannot overflow.</summary>
    private static long Cap(long length) => Math.Min(length, 1_000_000_000);

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

    private int? Number()
    {
        var start = _at;
        while (_at < _pattern.Length && _pattern[_at] is >= '0' and <= '9')
        {
            _at++;
        }

        return _at == start ? null
            : int.TryParse(string.Concat(_pattern[start.._at].Select(c => (char)c)), CultureInfo.InvariantCulture, out var value) && value <= GbnfLimits.Default.MaxRepetition ? value
            : throw Refuse($"a quantifier bound over {GbnfLimits.Default.MaxRepetition}");
    }

    private bool Next(int c)
    {
        if (_at < _pattern.Length && _pattern[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private static string Set(CharacterSet set) => set.Negated ? $"[^{string.Concat(set.Ranges.Select(ClassRange))}{Unwritten}]" : set.Positive();

    private static string ClassRange((int From, int To) range) =>
        range.From == range.To ? CharacterSet.ClassCharacter(range.From) : $"{CharacterSet.ClassCharacter(range.From)}-{CharacterSet.ClassCharacter(range.To)}";

    private FormatException Refuse(string what) => new($"{what} is not supported (at character {_at} of the pattern).");

    /// <summary>
    /// A part of the expression; the lengths, in characters, of the strings it writes (null: no bound); the characters
    /// they can start with; and the characters a repeat at its end can go on with.
    /// </summary>
    internal sealed record Piece(string Text, long MinLength, long? MaxLength, CodePointSet First, CodePointSet Trailing);
}
