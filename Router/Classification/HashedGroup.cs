namespace LocalOpenAi.Router.Classification;

/// <summary>The kinds of hashed text features; each is normalised on its own and hashed with its own seed.</summary>
internal enum HashedGroup : byte
{
    /// <summary>A word of the instruction.</summary>
    Word,

    /// <summary>Two consecutive words of the instruction.</summary>
    Phrase,

    /// <summary>Three or four characters inside a word of the instruction (robust to typos and inflection).</summary>
    Chars,

    /// <summary>A word of the system prompt.</summary>
    SystemWord,
}
