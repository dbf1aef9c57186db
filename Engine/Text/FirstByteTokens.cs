namespace LocalOpenAi.Engine.Text;

/// <summary>
/// A vocabulary grouped by the first byte of each token's text, with the single-byte token that stands for
/// each byte value. A grammar admits a token only if it admits the token's first byte, so asking a grammar
/// about one token per byte value tells which groups can hold an admitted token.
/// </summary>
internal sealed class FirstByteTokens
{
    public const int ByteValues = 256;

    private readonly int[][] _groups;
    private readonly int[] _byteTokens;

    public FirstByteTokens(Utf8TokenTable pieces, Func<int, bool> isEndOfGeneration)
    {
        var groups = Enumerable.Range(0, ByteValues).Select(_ => new List<int>()).ToArray();
        var endTokens = new List<int>();
        var textless = new List<int>();
        _byteTokens = new int[ByteValues];
        Array.Fill(_byteTokens, -1);
        for (var token = 0; token < pieces.Count; token++)
        {
            var piece = pieces.Piece(token);
            if (isEndOfGeneration(token))
            {
                endTokens.Add(token);
            }
            else if (piece.IsEmpty)
            {
                textless.Add(token);
            }
            else
            {
                groups[piece[0]].Add(token);
                if (piece.Length == 1 && _byteTokens[piece[0]] < 0)
                {
                    _byteTokens[piece[0]] = token;
                }
            }
        }

        _groups = [.. groups.Select(group => group.ToArray())];
        EndTokens = [.. endTokens];
        Textless = [.. textless];
    }

    /// <summary>The end-of-generation tokens, which a grammar admits only where it may end.</summary>
    public int[] EndTokens { get; }

    /// <summary>Control tokens without text of their own: a grammar judges them by their special text, one by one.</summary>
    public int[] Textless { get; }

    /// <summary>Whether every byte that can start or continue UTF-8 text has a single-byte token to ask a grammar with.</summary>
    public bool CoversTextBytes => Enumerable.Range(1, 0xF4).Where(value => value is not (0xC0 or 0xC1)).All(value => _byteTokens[value] >= 0);

    /// <summary>The token whose text is exactly the byte <paramref name="value"/>; -1 when the vocabulary has none.</summary>
    public int ByteToken(int value) => _byteTokens[value];

    /// <summary>Every token whose text starts with the byte <paramref name="value"/>.</summary>
    public ReadOnlySpan<int> StartingWith(int value) => _groups[value];
}
