namespace LocalOpenAi.Formats.Grammar;

/// <summary>Sequences: literals, character classes, rule references, groups and repetitions.</summary>
internal sealed partial class GbnfParser
{
    private void Sequence(List<GbnfItem> items, bool nested, int depth)
    {
        // Elements the last item occupies: what a following repetition copies (0: nothing to repeat).
        long last = 0;

        // Rules the last item brought (llama.cpp's n_prev_rules): what a following repetition multiplies.
        long repeated = 1;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '"')
            {
                last = Literal();
                repeated = 1;
                items.Add(new GbnfItem(-1, Nullable: last == 0));
                _pos = Space(_pos, nested);
            }
            else if (c == '[')
            {
                last = CharacterClass();
                repeated = 1;
                items.Add(new GbnfItem(-1, Nullable: false));
                _pos = Space(_pos, nested);
            }
            else if (c is '<' or '!')
            {
                throw Error("token references ('<...>', '!<...>') are not supported");
            }
            else if (IsWordChar(c))
            {
                var end = Name(_pos);
                _referenced.TryAdd(text[_pos..end], _pos);
                items.Add(new GbnfItem(RuleId(text[_pos..end]), Nullable: false));
                _pos = Space(end, nested);
                last = 1;
                repeated = 1;
            }
            else if (c == '(')
            {
                var before = Symbols;
                items.Add(new GbnfItem(Group(nested, depth), Nullable: false));
                last = 1;
                repeated = Math.Max(1, Symbols - before);
            }
            else if (c == '.')
            {
                items.Add(new GbnfItem(-1, Nullable: false));
                _pos = Space(_pos + 1, nested);
                last = 1;
                repeated = 1;
            }
            else if (c is '*' or '+' or '?')
            {
                _pos = Space(_pos + 1, nested);
                repeated = RepeatedRules(repeated, c == '+' ? 1 : 0, c == '?' ? 1 : null);
                last = Repeat(items, last, c == '+' ? 1 : 0, c == '?' ? 1 : null);
                continue;
            }
            else if (c == '{')
            {
                var (min, max) = Bounds(nested);
                repeated = RepeatedRules(repeated, min, max);
                last = Repeat(items, last, min, max);
                continue;
            }
            else
            {
                break;
            }

            Count(rules: 0, elements: last);
        }
    }

    /// <summary>Reads a <c>( ... )</c> group into a rule of its own; returns the rule.</summary>
    private int Group(bool nested, int depth)
    {
        if (depth + 1 > limits.MaxNesting)
        {
            throw Error($"parentheses nest deeper than {limits.MaxNesting} levels (the limit on nesting)");
        }

        _pos = Space(_pos + 1, newlineOk: true);
        Count(rules: 1, elements: 0);
        var rule = NewRule();
        Alternates(_graph[rule], nested: true, depth + 1);
        if (Peek(0) != ')')
        {
            throw Error("expecting ')'");
        }

        _pos = Space(_pos + 1, nested);
        return rule;
    }

    private long Literal()
    {
        _pos++;
        long length = 0;
        while (Peek(0) != '"')
        {
            if (_pos >= text.Length)
            {
                throw Error("unterminated string literal");
            }

            if (Char() == 0)
            {
                throw Error("a literal holds NUL, which no token can produce");
            }

            length++;
        }

        _pos++;
        return length;
    }

    /// <summary>Applies <c>{min,max}</c> (max null: unbounded) to the last item the way llama.cpp rewrites it; returns the elements now in its place.</summary>
    private long Repeat(List<GbnfItem> items, long last, int min, int? max)
    {
        if (last == 0)
        {
            throw Error("a repetition needs an item before it");
        }

        if (min == 0)
        {
            items[^1] = items[^1] with { Nullable = true };
        }

        long optional = max is null ? 1 : max.Value - min;
        _repetitionRules += optional;
        Count(rules: optional, elements: (last * Math.Max(min - 1, 0)) + (optional * (last + 3)));
        return (last * min) + (optional > 0 ? 1 : 0);
    }

    /// <summary>
    /// llama.cpp refuses a repetition whose item brought more than <see cref="MaxRepeatedRules"/> rules once multiplied by
    /// its count (the most, or else the least, times): a group repeated inside a repeated group multiplies again.
    /// </summary>
    private long RepeatedRules(long rules, int min, int? max)
    {
        var times = max is > 0 ? max.Value : Math.Max(min, 1);
        return rules * times <= MaxRepeatedRules ? rules * times
            : throw Error($"a repetition copies {rules} rules {times} times, over llama.cpp's {MaxRepeatedRules} (the limit on repeated rules)");
    }

    private (int Min, int? Max) Bounds(bool nested)
    {
        _pos = Space(_pos + 1, nested);
        var min = Integer();
        _pos = Space(_pos, nested);
        int? max = min;
        if (Peek(0) == ',')
        {
            _pos = Space(_pos + 1, nested);
            max = char.IsAsciiDigit(Peek(0)) ? Integer() : null;
            _pos = Space(_pos, nested);
        }

        if (Peek(0) != '}')
        {
            throw Error("expecting '}' or ','");
        }

        _pos = Space(_pos + 1, nested);
        return max < min ? throw Error($"the repetition {{{min},{max}}} has its upper bound below its lower bound") : (min, max);
    }

    private int Integer()
    {
        var start = _pos;
        while (char.IsAsciiDigit(Peek(0)))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error("expecting a number");
        }

        return _pos - start <= 9 && int.Parse(text.AsSpan(start, _pos - start), System.Globalization.CultureInfo.InvariantCulture) is var value && value <= limits.MaxRepetition
            ? value
            : throw new GbnfSyntaxException($"the repetition bound {text[start.._pos]} at character {start} is over {limits.MaxRepetition} (the limit on repetitions).");
    }
}
