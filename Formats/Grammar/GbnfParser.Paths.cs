using System.Runtime.CompilerServices;

namespace LocalOpenAi.Formats.Grammar;

/// <summary>
/// An upper bound on the parse paths llama.cpp follows at once: one stack per path. Alternatives add
/// up, a sequence holds one item at a time (several while the items before may match nothing), and a
/// rule reached again through itself counts once. Overlapping alternatives nested k deep make 2^k.
/// </summary>
internal sealed partial class GbnfParser
{
    private void CheckParsePaths()
    {
        var nullable = NullableRules();
        var paths = new long[_graph.Count];
        var visiting = new bool[_graph.Count];
        if (Paths(_ids["root"], nullable, paths, visiting) > limits.MaxParsePaths)
        {
            throw new GbnfSyntaxException(
                $"overlapping alternatives make more than {limits.MaxParsePaths} parse paths at once (the limit on ambiguity: llama.cpp keeps a stack per path and checks every token against each).");
        }
    }

    private bool[] NullableRules()
    {
        var nullable = new bool[_graph.Count];
        var changed = true;
        for (var pass = 0; changed && pass < 64; pass++)
        {
            changed = false;
            for (var rule = 0; rule < _graph.Count; rule++)
            {
                if (!nullable[rule] && _graph[rule].Any(alternative => alternative.All(item => IsNullable(item, nullable))))
                {
                    nullable[rule] = changed = true;
                }
            }
        }

        return nullable;
    }

    private static bool IsNullable(GbnfItem item, bool[] nullable) => item.Nullable || (item.Rule >= 0 && nullable[item.Rule]);

    private long Paths(int rule, bool[] nullable, long[] paths, bool[] visiting)
    {
        if (paths[rule] > 0)
        {
            return paths[rule];
        }

        if (visiting[rule])
        {
            return 1;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        visiting[rule] = true;
        long total = 0;
        foreach (var alternative in _graph[rule])
        {
            long best = 0;
            long run = 0;
            var open = false;
            foreach (var item in alternative)
            {
                run = (open ? run : 0) + (item.Rule < 0 ? 1 : Paths(item.Rule, nullable, paths, visiting));
                best = Math.Max(best, run);
                open = IsNullable(item, nullable);
            }

            total = Math.Min(total + best, limits.MaxParsePaths + 1);
        }

        visiting[rule] = false;
        return paths[rule] = Math.Max(total, 1);
    }
}
