using System.Text;

namespace LocalOpenAi.Server.Metrics;

/// <summary>
/// The labels of one series: names as recorded (sanitized only when rendered), values as text,
/// sorted by name. Immutable; equality and hashing ignore the order the tags came in.
/// </summary>
internal sealed class LabelSet
{
    public static readonly LabelSet Empty = new([]);

    private string? _rendered;

    private LabelSet(KeyValuePair<string, string>[] labels)
    {
        Labels = labels;
        foreach (var label in labels)
        {
            HashCode += PairHash(label.Key, label.Value);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public int HashCode { get; }

    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return Empty;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            labels[tag.Key] = MeasurementTags.ValueText(tag.Value);
        }

        return new LabelSet([.. labels]);
    }

    public static LabelSet From(IEnumerable<KeyValuePair<string, object?>>? tags) => From((tags ?? []).ToArray());

    /// <summary>Order-independent, so that a set and the unsorted tags it came from hash alike.</summary>
    public static int PairHash(string name, string value) => System.HashCode.Combine(name, value);

    /// <summary><c>a="x",b="y"</c>: sanitized names, escaped values, no braces; computed once.</summary>
    public string Rendered => _rendered ??= Render();

    private string Render()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in Labels)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(PrometheusSyntax.LabelName(name)).Append("=\"");
            PrometheusSyntax.AppendLabelValue(builder, value);
            builder.Append('"');
        }

        return builder.ToString();
    }
}
