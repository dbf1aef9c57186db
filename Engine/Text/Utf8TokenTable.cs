namespace LocalOpenAi.Engine.Text;

/// <summary>
/// Which tokens keep a text valid UTF-8, for a whole vocabulary. From a character boundary (nearly every step)
/// the answer is looked up; after a token that ended inside a character, the candidate's bytes are checked.
/// </summary>
/// <remarks>
/// llama.cpp's grammar decodes bytes leniently: an overlong form such as <c>E0 81 81</c> reads as <c>A</c>, so
/// a grammar alone lets a constrained answer hold bytes that a client decodes as several U+FFFD.
/// </remarks>
internal sealed class Utf8TokenTable
{
    private readonly byte[][] _pieces;
    private readonly Utf8Pending?[] _fromBoundary;

    public Utf8TokenTable(IReadOnlyList<byte[]> pieces)
    {
        _pieces = [.. pieces];
        _fromBoundary = [.. _pieces.Select(piece => Utf8Pending.Boundary.Feed(piece))];
    }

    public int Count => _pieces.Length;

    /// <summary>The token's text bytes (control tokens: none).</summary>
    public ReadOnlySpan<byte> Piece(int token) => _pieces[token];

    /// <summary>The state after <paramref name="token"/>, or null when it would break UTF-8 from <paramref name="state"/>.</summary>
    public Utf8Pending? After(Utf8Pending state, int token) =>
        state.Need == 0 ? _fromBoundary[token] : state.Feed(_pieces[token]);
}
