using System.Globalization;
using System.Text;

namespace LocalOpenAi.Tests.Formats.Grammar;

/// <summary>
/// A small GBNF recogniser for tests: parses llama.cpp's dialect (literals, classes, groups,
/// <c>* + ? {m} {m,} {m,n}</c>) and answers whether a whole text is in the language of <c>root</c>.
/// It also fails on undefined rules, so parsing a grammar checks it is complete.
/// </summary>
internal sealed class GbnfMatcher
{
    private abstract record Node;
    private sealed record Literal(string Text) : Node;
    private sealed record CharClass(bool Negated, List<(int From, int To)> Ranges) : Node;
    private sealed record RuleRef(string Name) : Node;
    private sealed record Alternatives(List<List<Node>> Options) : Node;
    private sealed record Repeat(Node Item, int Min, int? Max) : Node;

    private readonly Dictionary<string, Node> _rules = new(StringComparer.Ordinal);
    private readonly string _text;
    private int _at;

    public GbnfMatcher(string grammar)
    {
        _text = grammar;
        while (SkipSpace(newlines: true) < _text.Length)
        {
            var name = Name();
            SkipSpace(newlines: false);
            Expect("::=");
            _rules[name] = ParseAlternatives();
        }

        foreach (var reference in References())
        {
            if (!_rules.ContainsKey(reference))
            {
                throw new FormatException($"Rule '{reference}' is referenced but not defined.");
            }
        }
    }

    public IReadOnlyCollection<string> RuleNames => _rules.Keys;

    public bool Accepts(string input)
    {
        var codepoints = input.EnumerateRunes().Select(r => r.Value).ToArray();
        return Match(new RuleRef("root"), codepoints, 0, 0).Contains(codepoints.Length);
    }

    private HashSet<int> Match(Node node, int[] input, int position, int depth)
    {
        if (depth > 2000)
        {
            throw new InvalidOperationException("Grammar recursion too deep.");
        }

        switch (node)
        {
            case Literal literal:
                var runes = literal.Text.EnumerateRunes().Select(r => r.Value).ToArray();
                return position + runes.Length <= input.Length && runes.SequenceEqual(input.Skip(position).Take(runes.Length)) ? [position + runes.Length] : [];
            case CharClass @class:
                return position < input.Length && @class.Ranges.Any(r => input[position] >= r.From && input[position] <= r.To) != @class.Negated ? [position + 1] : [];
            case RuleRef reference:
                return Match(_rules[reference.Name], input, position, depth + 1);
            case Alternatives alternatives:
                var ends = new HashSet<int>();
                foreach (var sequence in alternatives.Options)
                {
                    var current = new HashSet<int> { position };
                    foreach (var item in sequence)
                    {
                        current = [.. current.SelectMany(p => Match(item, input, p, depth + 1))];
                    }

                    ends.UnionWith(current);
                }

                return ends;
            case Repeat repeat:
                var reached = new HashSet<int>();
                var frontier = new HashSet<int> { position };
                for (var count = 0; frontier.Count > 0 && (repeat.Max is null || count <= repeat.Max); count++)
                {
                    if (count >= repeat.Min)
                    {
                        reached.UnionWith(frontier);
                    }

                    var next = new HashSet<int>(frontier.SelectMany(p => Match(repeat.Item, input, p, depth + 1)));
                    next.ExceptWith(count >= repeat.Min ? reached : []);
                    frontier = count > input.Length + 1 ? [] : next;
                }

                return reached;
            default:
                throw new InvalidOperationException();
        }
    }

    private IEnumerable<string> References()
    {
        IEnumerable<string> Walk(Node node) => node switch
        {
            RuleRef r => [r.Name],
            Alternatives a => a.Options.SelectMany(s => s).SelectMany(Walk),
            Repeat r => Walk(r.Item),
            _ => [],
        };
        return _rules.Values.SelectMany(Walk).Append("root");
    }

    private Alternatives ParseAlternatives()
    {
        var options = new List<List<Node>> { ParseSequence() };
        while (SkipSpace(newlines: false) < _text.Length && _text[_at] == '|')
        {
            _at++;
            options.Add(ParseSequence());
        }

        return new Alternatives(options);
    }

    private List<Node> ParseSequence()
    {
        var sequence = new List<Node>();
        while (SkipSpace(newlines: false) < _text.Length && _text[_at] is not ('|' or ')' or '\n'))
        {
            Node item = _text[_at] switch
            {
                '"' => new Literal(Quoted()),
                '[' => Class(),
                '(' => Group(),
                _ => new RuleRef(Name()),
            };
            sequence.Add(Suffix(item));
        }

        return sequence;
    }

    private Node Group()
    {
        _at++;
        var inner = ParseAlternatives();
        SkipSpace(newlines: true);
        Expect(")");
        return inner;
    }

    private Node Suffix(Node item)
    {
        if (_at >= _text.Length)
        {
            return item;
        }

        switch (_text[_at])
        {
            case '*': _at++; return new Repeat(item, 0, null);
            case '+': _at++; return new Repeat(item, 1, null);
            case '?': _at++; return new Repeat(item, 0, 1);
            case '{':
                var close = _text.IndexOf('}', _at);
                var parts = _text[(_at + 1)..close].Split(',');
                _at = close + 1;
                var min = int.Parse(parts[0], CultureInfo.InvariantCulture);
                int? max = parts.Length == 1 ? min : parts[1].Length == 0 ? null : int.Parse(parts[1], CultureInfo.InvariantCulture);
                return new Repeat(item, min, max);
            default: return item;
        }
    }

    private string Quoted()
    {
        _at++;
        var text = new StringBuilder();
        while (_text[_at] != '"')
        {
            text.Append(char.ConvertFromUtf32(CharAt()));
        }

        _at++;
        return text.ToString();
    }

    private CharClass Class()
    {
        _at++;
        var negated = _text[_at] == '^';
        _at += negated ? 1 : 0;
        var ranges = new List<(int, int)>();
        while (_text[_at] != ']')
        {
            var from = CharAt();
            var to = from;
            if (_text[_at] == '-' && _text[_at + 1] != ']')
            {
                _at++;
                to = CharAt();
            }

            ranges.Add((from, to));
        }

        _at++;
        return new CharClass(negated, ranges);
    }

    private int CharAt()
    {
        if (_text[_at] != '\\')
        {
            var rune = Rune.GetRuneAt(_text, _at);
            _at += rune.Utf16SequenceLength;
            return rune.Value;
        }

        var escape = _text[_at + 1];
        _at += 2;
        switch (escape)
        {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'x': _at += 2; return int.Parse(_text[(_at - 2).._at], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            case 'u': _at += 4; return int.Parse(_text[(_at - 4).._at], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            case 'U': _at += 8; return int.Parse(_text[(_at - 8).._at], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            default: return escape;
        }
    }

    private string Name()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '-'))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw new FormatException($"Expected a rule name at {_at}: '{_text[_at..Math.Min(_text.Length, _at + 20)]}'.");
    }

    private void Expect(string token)
    {
        if (string.CompareOrdinal(_text, _at, token, 0, token.Length) != 0)
        {
            throw new FormatException($"Expected '{token}' at {_at}.");
        }

        _at += token.Length;
    }

    private int SkipSpace(bool newlines)
    {
        while (_at < _text.Length && (_text[_at] is ' ' or '\t' || (newlines && _text[_at] is '\n' or '\r')))
        {
            _at++;
        }

        return _at;
    }
}
