namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>
/// A byte-level BPE vocabulary in the Llama 3 layout: 256 byte tokens, merged English pieces,
/// word-like filler, then the 256 Llama 3 special tokens as the last ids.
/// </summary>
/// <remarks>Every merge "a b" names two earlier tokens and produces the token "ab"; merges are listed by rank.</remarks>
internal sealed record SyntheticVocabulary(string[] Tokens, int[] TokenTypes, string[] Merges)
{
    public const int NormalType = 1;
    public const int ControlType = 3;

    public int FirstSpecialId => Tokens.Length - Llama3SpecialTokens.Count;

    public int BosId => FirstSpecialId + Llama3SpecialTokens.IndexOf(Llama3SpecialTokens.BeginOfText);

    public int EosId => FirstSpecialId + Llama3SpecialTokens.IndexOf(Llama3SpecialTokens.EndOfTurn);

    public static SyntheticVocabulary Build(int vocabularySize)
    {
        var regular = vocabularySize - Llama3SpecialTokens.Count;
        if (regular < 256 + 64)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "the vocabulary is too small for bytes, merges and specials");
        }

        var builder = new SyntheticVocabularyBuilder(regular);
        builder.AddMerges();
        builder.AddFiller();
        var tokens = builder.Tokens.Concat(Llama3SpecialTokens.All).ToArray();
        var types = tokens.Select((_, id) => id < regular ? NormalType : ControlType).ToArray();
        return new SyntheticVocabulary(tokens, types, [.. builder.Merges]);
    }
}
