namespace LocalOpenAi.Engine.Text;

/// <summary>
/// Where strict UTF-8 (RFC 3629) stands after some bytes: how many continuation bytes the current character
/// still needs, and the range its next byte must fall in (narrower than <c>80..BF</c> right after
/// <c>E0</c>, <c>ED</c>, <c>F0</c> and <c>F4</c>, which rules out overlong forms, surrogates and code points
/// past U+10FFFF).
/// </summary>
internal readonly record struct Utf8Pending(int Need, byte Low, byte High)
{
    public static readonly Utf8Pending Boundary = new(0, 0x80, 0xBF);

    /// <summary>The state after <paramref name="bytes"/>, or null when they break strict UTF-8 from this state.</summary>
    public Utf8Pending? Feed(ReadOnlySpan<byte> bytes)
    {
        var state = this;
        foreach (var value in bytes)
        {
            if (state.Need > 0)
            {
                if (value < state.Low || value > state.High)
                {
                    return null;
                }

                state = new(state.Need - 1, 0x80, 0xBF);
                continue;
            }

            Utf8Pending? next = value switch
            {
                < 0x80 => Boundary,
                >= 0xC2 and <= 0xDF => new(1, 0x80, 0xBF),
                0xE0 => new(2, 0xA0, 0xBF),
                0xED => new(2, 0x80, 0x9F),
                >= 0xE1 and <= 0xEF => new(2, 0x80, 0xBF),
                0xF0 => new(3, 0x90, 0xBF),
                >= 0xF1 and <= 0xF3 => new(3, 0x80, 0xBF),
                0xF4 => new(3, 0x80, 0x8F),
                _ => null,
            };
            if (next is not { } lead)
            {
                return null;
            }

            state = lead;
        }

        return state;
    }
}
