using System.Runtime.InteropServices;
using System.Text;
using LocalOpenAi.Engine.Native;
using LocalOpenAi.Engine.Text;

namespace LocalOpenAi.Engine.Scheduling;

/// <summary>Turns text a grammar forces into the tokens the model's tokenizer gives it after the text already generated.</summary>
/// <remarks>
/// The forced text is tokenized together with the pieces of the last output tokens, and only the tokens
/// after a boundary that falls exactly where the forced text begins are kept: when the tokenizer would
/// merge the two, nothing is forced and the model samples as usual. Forced text that ends inside a
/// character is cut back to the character's start.
/// </remarks>
internal sealed class ForcedTokenizer(NativeModel model)
{
    private readonly List<byte> _tail = new(64);
    private readonly List<byte> _piece = new(64);

    /// <param name="previous">The last output tokens, oldest first, ending with the one just sampled.</param>
    /// <param name="maxTokens">The most tokens to return.</param>
    public int[] Tokenize(ReadOnlySpan<int> previous, byte[] forced, int maxTokens)
    {
        var forcedLength = Utf8Boundary.CompleteLength(forced);
        _tail.Clear();
        foreach (var token in previous)
        {
            model.AppendPiece(token, renderSpecial: false, _tail);
        }

        var tail = CollectionsMarshal.AsSpan(_tail);
        tail = tail[Utf8Boundary.LeadingContinuations(tail)..];
        if (forcedLength == 0 || Utf8Boundary.CompleteLength(tail) != tail.Length)
        {
            return [];
        }

        var forcedBytes = forced.AsSpan(0, forcedLength);
        var tokens = model.Tokenize(Encoding.UTF8.GetString(tail) + Encoding.UTF8.GetString(forcedBytes), addSpecial: false, parseSpecial: false);
        // A tokenizer that puts a space before the text (SentencePiece) shifts every boundary by it.
        var first = FirstTokenAfter(tokens, tail.Length + Math.Max(0, PiecesLength(tokens) - tail.Length - forcedLength));
        if (first < 0 || !Spells(tokens.AsSpan(first), forcedBytes))
        {
            return [];
        }

        return tokens[first..(first + Math.Min(tokens.Length - first, maxTokens))];
    }

    /// <summary>The index of the first token starting at byte <paramref name="offset"/>; -1 when a token straddles it.</summary>
    private int FirstTokenAfter(int[] tokens, int offset)
    {
        var position = 0;
        var index = 0;
        while (position < offset && index < tokens.Length)
        {
            position += PieceLength(tokens[index++]);
        }

        return position == offset ? index : -1;
    }

    private bool Spells(ReadOnlySpan<int> tokens, ReadOnlySpan<byte> text)
    {
        _piece.Clear();
        foreach (var token in tokens)
        {
            model.AppendPiece(token, renderSpecial: false, _piece);
        }

        return CollectionsMarshal.AsSpan(_piece).SequenceEqual(text);
    }

    private int PiecesLength(int[] tokens) => tokens.Sum(PieceLength);

    private int PieceLength(int token)
    {
        _piece.Clear();
        model.AppendPiece(token, renderSpecial: false, _piece);
        return _piece.Count;
    }
}
