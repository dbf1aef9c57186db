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
internal sealed partial class PatternGrammar
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

    private static Piece Character(CharacterSet set) => new(Set(set), 1, 1, CodePointSet.Of(set), CodePointSet.Empty);

    /// <summary>Lengths past a billion characters are all "too long": capped, so nested repeats cannot overflow.</summary>
    private static long Cap(long length) => Math.Min(length, 1_000_000_000);

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

    private FormatException Refuse(string what) => new($"{what} is not supported (at character {_at} of the pattern).");

    /// <summary>
    /// A part of the expression; the lengths, in characters, of the strings it writes (null: no bound); the characters
    /// they can start with; and the characters a repeat at its end can go on with.
    /// </summary>
    internal sealed record Piece(string Text, long MinLength, long? MaxLength, CodePointSet First, CodePointSet Trailing);
}
