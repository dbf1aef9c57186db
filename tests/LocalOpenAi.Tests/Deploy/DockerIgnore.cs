using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>The patterns of <c>.dockerignore</c>, matched the way Docker does for plain globs (no <c>!</c> exceptions).</summary>
internal sealed class DockerIgnore(IReadOnlyList<string> patterns)
{
    public IReadOnlyList<string> Patterns { get; } = patterns;

    public static DockerIgnore Load() => new(
        DeployFiles.Read(".dockerignore").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList());

    /// <summary>Whether a context path (or a folder above it) is left out of the build context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            var prefix = string.Join('/', segments[..length]);
            if (Patterns.Any(pattern => ToRegex(pattern).IsMatch(prefix)))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex ToRegex(string pattern)
    {
        var body = Regex.Escape(pattern.TrimStart('/').TrimEnd('/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + body + "$", RegexOptions.CultureInvariant);
    }
}
