namespace LocalOpenAi.Router.Classification;

/// <summary>
/// Counts hashed text features (words, word pairs, character n-grams inside words) into buckets placed after
/// the named features; values are <c>1 + ln(count)</c>, scaled to a fixed length within each group so that a
/// long text does not outweigh a short one.
/// </summary>
/// <remarks>
/// The hash is FNV-1a over UTF-16 code units: stable across processes and platforms, unlike <c>string.GetHashCode</c>.
/// Not thread-safe; <see cref="ForThisThread"/> reuses one per thread (256 KB of counts for 65,536 buckets): a
/// count is an array increment, and only the touched buckets are read and reset.
/// </remarks>
internal sealed class HashedFeatures
{
    private const int MaxWordChars = 40;

    /// <summary>Each group's length: 2 gave the best cross-validated accuracy (1 and 4 were tried) under one L2 penalty for all weights.</summary>
    private const double GroupLength = 2;

    [ThreadStatic]
    private static HashedFeatures? _current;

    private readonly List<(int Bucket, HashedOrigin Origin)> _touched = new(4096);
    private int[] _counts = [];
    private int _offset;
    private int _buckets;

    /// <summary>This thread's instance, emptied, for features placed at <paramref name="offset"/> in <paramref name="buckets"/> buckets.</summary>
    public static HashedFeatures ForThisThread(int offset, int buckets)
    {
        var features = _current ??= new HashedFeatures();
        foreach (var (bucket, _) in features._touched)
        {
            features._counts[bucket] = 0;
        }

        features._touched.Clear();
        if (features._counts.Length != buckets)
        {
            features._counts = new int[buckets];
        }

        features._offset = offset;
        features._buckets = buckets;
        return features;
    }

    public void AddText(int segment, string text, HashedGroup words, HashedGroup? phrases, HashedGroup? chars)
    {
        var previous = (Hash: 0u, Start: -1);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]) && i - start < MaxWordChars)
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            var hash = WordHash(word);
            Add(Mix(hash, (uint)words), new HashedOrigin(words, segment, start, word.Length));
            if (phrases is { } phrase && previous.Start >= 0)
            {
                Add(Mix(previous.Hash * 16777619u ^ hash, (uint)phrase), new HashedOrigin(phrase, segment, previous.Start, i - previous.Start));
            }

            if (chars is { } group)
            {
                AddCharGrams(segment, start, word, group);
            }

            previous = (hash, start);
        }
    }

    public FeatureVector ToVector(float[] dense, string[] segments, int tokens)
    {
        Span<double> norms = stackalloc double[4];
        foreach (var (bucket, origin) in _touched)
        {
            var value = Value(_counts[bucket]);
            norms[(int)origin.Group] += value * value;
        }

        var nonZero = dense.Count(v => v != 0);
        var indices = new int[nonZero + _touched.Count];
        var values = new float[indices.Length];
        var n = 0;
        for (var d = 0; d < dense.Length; d++)
        {
            if (dense[d] != 0)
            {
                (indices[n], values[n]) = (d, dense[d]);
                n++;
            }
        }

        var origins = new HashedOrigin[indices.Length];
        Span<double> scales = stackalloc double[4];
        for (var g = 0; g < scales.Length; g++)
        {
            scales[g] = norms[g] > 0 ? GroupLength / System.Math.Sqrt(norms[g]) : 0;
        }

        foreach (var (bucket, origin) in _touched)
        {
            indices[n] = _offset + bucket;
            values[n] = (float)(Value(_counts[bucket]) * scales[(int)origin.Group]);
            origins[n++] = origin;
        }

        return new FeatureVector(indices, values, tokens) { Origins = origins, Segments = segments };
    }

    private void AddCharGrams(int segment, int start, ReadOnlySpan<char> word, HashedGroup group)
    {
        Span<char> padded = stackalloc char[MaxWordChars + 2];
        padded[0] = '<';
        word.CopyTo(padded[1..]);
        padded[word.Length + 1] = '>';
        var all = padded[..(word.Length + 2)];
        for (var n = 3; n <= 4; n++)
        {
            for (var at = 0; at + n <= all.Length; at++)
            {
                var from = System.Math.Clamp(at - 1, 0, word.Length);
                var to = System.Math.Clamp(at + n - 1, 0, word.Length);
                Add(Mix(Fnv(all.Slice(at, n)), (uint)group), new HashedOrigin(group, segment, start + from, to - from));
            }
        }
    }

    private void Add(uint hash, HashedOrigin origin)
    {
        var bucket = (int)(hash % (uint)_buckets);
        if (_counts[bucket]++ == 0)
        {
            _touched.Add((bucket, origin));
        }
    }

    private static double Value(int count) => count == 1 ? 1 : 1 + System.Math.Log(count);

    /// <summary>Digits hash by shape (how many), so that "2000-word" and "1500-word" look alike.</summary>
    private static uint WordHash(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return Fnv(word);
            }
        }

        return Fnv("0000".AsSpan(0, System.Math.Min(word.Length, 4))) ^ 0x5bd1e995u;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '#' or '+';

    private static uint Fnv(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static uint Mix(uint hash, uint group)
    {
        hash ^= (group + 1) * 0x9e3779b9u;
        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        return hash;
    }
}
