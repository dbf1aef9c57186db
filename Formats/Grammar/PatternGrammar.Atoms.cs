namespace LocalOpenAi.Formats.Grammar;

/// <summary>A pattern's atoms: literals, <c>.</c>, escapes, classes and groups.</summary>
internal sealed partial class PatternGrammar
{
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
}
