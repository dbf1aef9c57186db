using System.CommandLine;

namespace LocalOpenAi.Server.Cli;

/// <summary>"Did you mean" lines for unknown flags; bare words (the value after an unknown flag) get none.</summary>
internal static class TypoSuggestions
{
    public static IEnumerable<string> For(ParseResult result)
    {
        var names = result.CommandResult.Command.Options.SelectMany(option => option.Aliases.Append(option.Name)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var token in result.UnmatchedTokens.Where(token => token.StartsWith('-')))
        {
            var flag = token.Split('=', 2)[0];
            var close = names.Where(name => name.Length > 2 && Distance(flag, name) <= Math.Max(2, flag.Length / 4)).OrderBy(name => Distance(flag, name)).Take(3).ToList();
            if (close.Count > 0)
            {
                yield return $"'{flag}' is not an option of '{result.CommandResult.Command.Name}'. Did you mean {string.Join(" or ", close)}?";
            }
        }
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
