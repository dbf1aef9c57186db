namespace LocalOpenAi.Router.Classification;

/// <summary>A request's features as a sparse vector, able to name each feature for explanations.</summary>
/// <param name="Indices">Feature indices: named features first, then hashed buckets (each once).</param>
/// <param name="Values">The value of each feature in <paramref name="Indices"/>.</param>
/// <param name="EstimatedTokens">Prompt tokens estimated from characters.</param>
internal sealed record FeatureVector(int[] Indices, float[] Values, int EstimatedTokens)
{
    /// <summary>Where the hashed feature at each position of <see cref="Indices"/> was first seen, to name it.</summary>
    public required HashedOrigin[] Origins { get; init; }

    /// <summary>The lower-cased texts the hashed features were read from.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>A readable name for the feature at <paramref name="position"/>: the named feature, or the group and text of a hashed one.</summary>
    public string Describe(int position)
    {
        if (Indices[position] < RequestFeatures.Dense.Count)
        {
            return RequestFeatures.Dense[Indices[position]];
        }

        var origin = Origins[position];
        var text = Segments[origin.Segment].Substring(origin.Start, origin.Length);
        return origin.Group switch
        {
            HashedGroup.Word => $"word \"{text}\"",
            HashedGroup.Phrase => $"phrase \"{text}\"",
            HashedGroup.Chars => $"text \"{text}\"",
            _ => $"system prompt word \"{text}\"",
        };
    }
}
