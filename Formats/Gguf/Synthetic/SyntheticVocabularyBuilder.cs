using System.Globalization;

namespace LocalOpenAi.Formats.Gguf.Synthetic;

/// <summary>Accumulates the regular (non-special) tokens and merges of a <see cref="SyntheticVocabulary"/>.</summary>
internal sealed class SyntheticVocabularyBuilder
{
    private const string Consonants = "bcdfghklmnprstvwz";
    private const string Vowels = "aeiou";

    private readonly int _capacity;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mergePairs = new(StringComparer.Ordinal);

    public SyntheticVocabularyBuilder(int capacity)
    {
        _capacity = capacity;
        for (var b = 0; b < 256; b++)
        {
            AddToken(GptByteEncoding.Encode((byte)b).ToString());
        }
    }

    public List<string> Tokens { get; } = [];

    public List<string> Merges { get; } = [];

    private bool IsFull => Tokens.Count >= _capacity;

    public void AddMerges()
    {
        var space = GptByteEncoding.Encode((byte)' ').ToString();
        var newline = GptByteEncoding.Encode((byte)'\n').ToString();
        for (var c = 'a'; c <= 'z'; c++)
        {
            Merge(space, c.ToString());
        }

        Merge(newline, newline);
        Merge(space, space);
        foreach (var bigram in EnglishWords.Bigrams)
        {
            Merge(bigram[..1], bigram[1..]);
        }

        var variants = new Func<string, string>[]
        {
            word => space + word,
            word => word,
            word => space + Capitalize(word),
            word => Capitalize(word),
        };
        foreach (var variant in variants)
        {
            foreach (var word in EnglishWords.ByFrequency)
            {
                AddWordChain(variant(word));
            }
        }
    }

    public void AddFiller()
    {
        var space = GptByteEncoding.Encode((byte)' ').ToString();
        var syllables = Consonants.SelectMany(c => Vowels.Select(v => string.Concat(c, v))).ToArray();
        for (var length = 2; !IsFull; length++)
        {
            foreach (var word in Combine(syllables, length))
            {
                if (IsFull)
                {
                    return;
                }

                AddToken(space + word);
                if (!IsFull)
                {
                    AddToken(word);
                }
            }
        }
    }

    private static IEnumerable<string> Combine(string[] syllables, int length)
    {
        var index = new int[length];
        while (true)
        {
            yield return string.Concat(index.Select(i => syllables[i]));
            var position = length - 1;
            while (position >= 0 && ++index[position] == syllables.Length)
            {
                index[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }

    private static string Capitalize(string word) =>
        char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    /// <summary>Adds "w", "wo", "wor", "word" as left-to-right merges of the previous piece and the next character.</summary>
    private void AddWordChain(string word)
    {
        var piece = word[..1];
        for (var i = 1; i < word.Length && !IsFull; i++)
        {
            Merge(piece, word[i..(i + 1)]);
            piece += word[i];
        }
    }

    private void Merge(string left, string right)
    {
        if (IsFull || !_ids.ContainsKey(left) || !_ids.ContainsKey(right) || !_mergePairs.Add(left + " " + right))
        {
            return;
        }

        AddToken(left + right);
        Merges.Add(left + " " + right);
    }

    private void AddToken(string token)
    {
        if (!IsFull && _ids.TryAdd(token, Tokens.Count))
        {
            Tokens.Add(token);
        }
    }
}
