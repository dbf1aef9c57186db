namespace LocalOpenAi.Server.Cli;

/// <summary>
/// Rewrites the two forms <c>serve</c> takes besides its declared flags before parsing: any
/// configuration key as <c>--Section:Key=value</c> (or <c>--Section:Key value</c>) becomes
/// <c>--set Section:Key=value</c>, and <c>--api-key KEY OWNER</c> (two words) becomes the one value
/// <c>KEY OWNER</c>, since <c>serve</c> takes no bare words.
/// </summary>
internal static class ServeArguments
{
    public const string SetFlag = "--set";
    private const string ApiKeyFlag = "--api-key";

    public static List<string> Normalize(IReadOnlyList<string> args)
    {
        var normalized = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsConfigurationKey(arg))
            {
                normalized.Add(SetFlag);
                normalized.Add(arg.Contains('=', StringComparison.Ordinal) || i + 1 == args.Count ? arg[2..] : $"{arg[2..]}={args[++i]}");
                continue;
            }

            if (arg == ApiKeyFlag && i + 1 < args.Count)
            {
                normalized.Add(arg);
                arg = args[++i];
                if (i + 1 < args.Count && IsBareWord(args[i + 1]))
                {
                    arg = $"{arg} {args[++i]}";
                }
            }
            else if (arg.StartsWith(ApiKeyFlag + "=", StringComparison.Ordinal) && i + 1 < args.Count && IsBareWord(args[i + 1]))
            {
                arg = $"{arg} {args[++i]}";
            }

            normalized.Add(arg);
        }

        return normalized;
    }

    /// <summary><c>--Section:Key</c>: a colon in the name, which no declared flag has.</summary>
    private static bool IsConfigurationKey(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=', 2)[0].Contains(':', StringComparison.Ordinal);

    private static bool IsBareWord(string arg) => arg.Length > 0 && !arg.StartsWith('-');
}
