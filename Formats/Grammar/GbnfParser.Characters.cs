using System.Globalization;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>Characters, escapes and character classes, read exactly as llama.cpp's <c>parse_char</c> reads them.</summary>
internal sealed partial class GbnfParser
{
    private const long MaxCodePoint = 0x10FFFF;

    /// <summary>The largest value llama.cpp's UTF-8 decoder produces (lead bytes up to FF read as 4-byte sequences).</summary>
    private const long MaxDecodedValue = 0x3FFFFF;

    /// <summary>Reads a <c>[...]</c> class; returns the elements llama.cpp builds for it.</summary>
    private long CharacterClass()
    {
        _pos++;
        var negated = Peek(0) == '^';
        if (negated)
        {
            _pos++;
        }

        var ranges = new List<(long First, long Last)>();
        while (Peek(0) != ']')
        {
            if (_pos >= text.Length)
            {
                throw Error("unterminated character class");
            }

            var first = Char();
            var last = first;
            if (Peek(0) == '-' && Peek(1) != ']')
            {
                if (_pos + 1 >= text.Length)
                {
                    throw Error("unterminated character class");
                }

                _pos++;
                last = Char();
                if (last < first)
                {
                    throw Error($"the range U+{first:X4}-U+{last:X4} is inverted and matches nothing");
                }
            }

            ranges.Add((first, last));
        }

        _pos++;
        if (ranges.Count == 0)
        {
            throw Error("an empty character class matches nothing");
        }

        if (negated ? CoversEveryCharacter(ranges) : ranges.All(r => r.Last == 0))
        {
            throw Error("the character class matches no character a token can produce");
        }

        return ranges.Count * 2L;
    }

    private static bool CoversEveryCharacter(List<(long First, long Last)> ranges)
    {
        long next = 1;
        foreach (var (first, last) in ranges.OrderBy(r => r.First))
        {
            if (first > next)
            {
                return false;
            }

            next = Math.Max(next, last + 1);
        }

        return next > MaxCodePoint;
    }

    /// <summary>One character or escape; returns its code point.</summary>
    private long Char()
    {
        if (Peek(0) == '\\')
        {
            var escape = Peek(1);
            switch (escape)
            {
                case 'x':
                    return Hex(2);
                case 'u':
                    return Hex(4);
                case 'U':
                    return Hex(8);
                case 't' or 'r' or 'n' or '\\' or '"' or '[' or ']' or '-':
                    _pos += 2;
                    return escape switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => escape };
                default:
                    throw Error("unknown escape");
            }
        }

        if (_pos >= text.Length)
        {
            throw Error("unexpected end");
        }

        if (char.IsHighSurrogate(text[_pos]) && _pos + 1 < text.Length && char.IsLowSurrogate(text[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(text[_pos - 2], text[_pos - 1]);
        }

        return text[_pos++];
    }

    private long Hex(int digits)
    {
        var start = _pos + 2;
        var end = start;
        while (end < text.Length && end - start < digits && char.IsAsciiHexDigit(text[end]))
        {
            end++;
        }

        if (end - start != digits)
        {
            throw Error($"expecting {digits} hex digits");
        }

        var value = long.Parse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (value > MaxDecodedValue)
        {
            throw Error($"the code point U+{value:X} is beyond U+{MaxDecodedValue:X}");
        }

        _pos = end;
        return value;
    }
}
