namespace LocalOpenAi.Formats.Grammar;

/// <summary>A set of code points as sorted, disjoint ranges.</summary>
internal sealed class CodePointSet
{
    private const int MaxCodePoint = 0x10FFFF;

    private readonly List<(int From, int To)> _ranges;

    private CodePointSet(List<(int From, int To)> ranges) => _ranges = ranges;

    public static CodePointSet Empty { get; } = new([]);

    public static CodePointSet Of(CharacterSet set)
    {
        var ranges = Normalized(set.Ranges);
        return new CodePointSet(set.Negated ? Complement(ranges) : ranges);
    }

    public CodePointSet Union(CodePointSet other) => new(Normalized([.. _ranges, .. other._ranges]));

    public bool Overlaps(CodePointSet other) =>
        _ranges.Any(a => other._ranges.Any(b => a.From <= b.To && b.From <= a.To));

    private static List<(int From, int To)> Normalized(IEnumerable<(int From, int To)> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    private static List<(int From, int To)> Complement(List<(int From, int To)> ranges)
    {
        var complement = new List<(int From, int To)>();
        var next = 0;
        foreach (var (from, to) in ranges)
        {
            if (from > next)
            {
                complement.Add((next, from - 1));
            }

            next = to + 1;
        }

        if (next <= MaxCodePoint)
        {
            complement.Add((next, MaxCodePoint));
        }

        return complement;
    }
}
