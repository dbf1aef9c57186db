namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// A managed mirror of llama.cpp's GBNF parser (<c>llama-grammar.cpp</c>): the same syntax, the same
/// places where whitespace and newlines are allowed, and a count of the rules and elements llama.cpp
/// would build. It only checks; the grammar text is passed on unchanged.
/// </summary>
/// <remarks>Recursion is bounded by <see cref="GbnfLimits.MaxNesting"/>; everything else is a loop.</remarks>
internal sealed partial class GbnfParser(string text, GbnfLimits limits)
{
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _referenced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<List<List<GbnfItem>>> _graph = [];
    private int _pos;
    /// <summary>llama.cpp's <c>MAX_REPETITION_THRESHOLD</c> on rules times repetitions.</summary>
    private const long MaxRepeatedRules = 2000;

    private long _rules;
    private long _elements;
    private long _repetitionRules;

    /// <summary>The rules llama.cpp has named so far (its <c>symbol_ids</c>): rules, groups and the rules repetitions add.</summary>
    private long Symbols => _graph.Count + _repetitionRules;

    public void Parse()
    {
        _pos = Space(0, newlineOk: true);
        while (_pos < text.Length)
        {
            ParseRule();
        }

        if (!_defined.Contains("root"))
        {
            throw new GbnfSyntaxException("the grammar has no 'root' rule.");
        }

        foreach (var (name, position) in _referenced)
        {
            if (!_defined.Contains(name))
            {
                throw new GbnfSyntaxException($"the rule '{name}' is used but never defined (at character {position}).");
            }
        }

        if (limits.MaxParsePaths < long.MaxValue)
        {
            CheckParsePaths();
        }
    }

    private void ParseRule()
    {
        var nameEnd = Name(_pos);
        var name = text[_pos..nameEnd];
        _pos = Space(nameEnd, newlineOk: false);
        if (!(Peek(0) == ':' && Peek(1) == ':' && Peek(2) == '='))
        {
            throw Error("expecting '::='");
        }

        _pos = Space(_pos + 3, newlineOk: true);
        if (_defined.Add(name))
        {
            Count(rules: 1, elements: 0);
        }

        // A rule defined again replaces the first definition, as in llama.cpp.
        var alternatives = _graph[RuleId(name)];
        alternatives.Clear();
        Alternates(alternatives, nested: false, depth: 0);
        if (Peek(0) == '\r')
        {
            _pos += Peek(1) == '\n' ? 2 : 1;
        }
        else if (Peek(0) == '\n')
        {
            _pos++;
        }
        else if (_pos < text.Length)
        {
            throw Error("expecting a newline or the end of the grammar");
        }

        _pos = Space(_pos, newlineOk: true);
    }

    private void Alternates(List<List<GbnfItem>> alternatives, bool nested, int depth)
    {
        alternatives.Add([]);
        Sequence(alternatives[^1], nested, depth);
        while (Peek(0) == '|')
        {
            Count(rules: 0, elements: 1);
            _pos = Space(_pos + 1, newlineOk: true);
            alternatives.Add([]);
            Sequence(alternatives[^1], nested, depth);
        }

        Count(rules: 0, elements: 1);
    }

    private int RuleId(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = NewRule();
            _ids[name] = id;
        }

        return id;
    }

    private int NewRule()
    {
        _graph.Add([]);
        return _graph.Count - 1;
    }

    private void Count(long rules, long elements)
    {
        _rules += rules;
        _elements += elements;
        if (_rules > limits.MaxRules)
        {
            throw new GbnfSyntaxException($"the grammar expands to more than {limits.MaxRules} rules (the limit on rules after groups and repetitions are expanded).");
        }

        if (_elements > limits.MaxElements)
        {
            throw new GbnfSyntaxException($"the grammar expands to more than {limits.MaxElements} elements (the limit on its size after repetitions are expanded).");
        }
    }

    private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private GbnfSyntaxException Error(string message) =>
        new(_pos < text.Length ? $"{message} at character {_pos}." : $"{message} at the end of the grammar.");

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private int Name(int from)
    {
        var end = from;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return end > from ? end : throw Error("expecting a rule name");
    }

    private int Space(int from, bool newlineOk)
    {
        var pos = from;
        while (pos < text.Length && (text[pos] is ' ' or '\t' or '#' || (newlineOk && text[pos] is '\r' or '\n')))
        {
            if (text[pos] == '#')
            {
                while (pos < text.Length && text[pos] is not ('\r' or '\n'))
                {
                    pos++;
                }
            }
            else
            {
                pos++;
            }
        }

        return pos;
    }
}
