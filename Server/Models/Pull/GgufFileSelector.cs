namespace LocalOpenAi.Server.Models.Pull;

/// <summary>
/// Picks the <c>.gguf</c> file a reference means: the one whose name contains the quantization
/// (case-insensitive; a whole-token match such as <c>Q4_0.gguf</c> beats <c>Q4_0_4_4.gguf</c>);
/// without one, Q4_K_M, then Q4_0, then the first file in ordinal order. Projector files
/// (<c>mmproj</c>) and unsafe paths are never picked.
/// </summary>
internal static class GgufFileSelector
{
    private static readonly string[] DefaultPreference = ["Q4_K_M", "Q4_0"];

    public static string? Select(IEnumerable<string> names, string? quantization)
    {
        var candidates = names.Where(IsCandidate).Order(StringComparer.Ordinal).ToArray();
        if (quantization is not null)
        {
            return Match(candidates, quantization);
        }

        foreach (var preferred in DefaultPreference)
        {
            if (Match(candidates, preferred) is { } match)
            {
                return match;
            }
        }

        return candidates.FirstOrDefault();
    }

    /// <summary>A name that is safe to use as a relative path under the cache folder.</summary>
    public static bool IsSafeRelativePath(string name) =>
        name.Length > 0
        && !name.StartsWith('/')
        && !name.Contains('\\', StringComparison.Ordinal)
        && name.Split('/').All(segment => segment.Length > 0 && segment is not "." and not "..");

    private static bool IsCandidate(string name) =>
        name.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)
        && !Path.GetFileName(name).Contains("mmproj", StringComparison.OrdinalIgnoreCase)
        && IsSafeRelativePath(name);

    private static string? Match(string[] candidates, string quantization)
    {
        string? partial = null;
        foreach (var name in candidates)
        {
            var file = Path.GetFileName(name);
            var at = file.IndexOf(quantization, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var end = at + quantization.Length;
            var wholeToken = (at == 0 || !IsTokenChar(file[at - 1])) && (end == file.Length || !IsTokenChar(file[end]));
            if (wholeToken)
            {
                return name;
            }

            partial ??= name;
        }

        return partial;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
