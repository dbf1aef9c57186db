namespace LocalOpenAi.Server.Metrics;

/// <summary>Compares label sets with each other and with raw measurement tags (the allocation-free lookup).</summary>
internal sealed class LabelSetComparer : IEqualityComparer<LabelSet>, IAlternateEqualityComparer<MeasurementTags, LabelSet>
{
    public static readonly LabelSetComparer Instance = new();

    public bool Equals(LabelSet? x, LabelSet? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.HashCode != y.HashCode || x.Labels.Count != y.Labels.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Labels.Count; i++)
        {
            if (x.Labels[i].Key != y.Labels[i].Key || x.Labels[i].Value != y.Labels[i].Value)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(LabelSet obj) => obj.HashCode;

    public bool Equals(MeasurementTags alternate, LabelSet other)
    {
        var tags = alternate.Tags;
        if (tags.Length != other.Labels.Count)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (!Contains(other, tag.Key, MeasurementTags.ValueText(tag.Value)))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(MeasurementTags alternate)
    {
        var hash = 0;
        foreach (var tag in alternate.Tags)
        {
            hash += LabelSet.PairHash(tag.Key, MeasurementTags.ValueText(tag.Value));
        }

        return hash;
    }

    public LabelSet Create(MeasurementTags alternate) => LabelSet.From(alternate.Tags);

    private static bool Contains(LabelSet set, string name, string value)
    {
        foreach (var label in set.Labels)
        {
            if (label.Key == name)
            {
                return label.Value == value;
            }
        }

        return false;
    }
}
