using System.Security.Cryptography;
using System.Text;

namespace LocalOpenAi.Server.Security;

/// <summary>Reads <c>KEY [OWNER]</c> lines: blank lines and text after <c>#</c> are ignored.</summary>
internal static class ApiKeyFileFormat
{
    /// <summary>One entry, or null for a line that is not <c>KEY [OWNER]</c>.</summary>
    public static ApiKeyEntry? ParseLine(string? line)
    {
        var parts = (line ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => new ApiKeyEntry(parts[0], DefaultOwner(parts[0])),
            2 => new ApiKeyEntry(parts[0], parts[1]),
            _ => null,
        };
    }

    /// <summary>The entries of a whole file; <paramref name="error"/> says what was wrong, never quoting a key.</summary>
    public static IReadOnlyList<ApiKeyEntry> TryReadFile(string path, out string? error)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read '{path}': {ex.GetType().Name}.";
            return [];
        }

        var entries = new List<ApiKeyEntry>();
        var bad = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            text = (hash >= 0 ? text[..hash] : text).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (ParseLine(text) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                bad.Add(i + 1);
            }
        }

        error = bad.Count == 0 ? null : $"'{path}' lines {string.Join(", ", bad)} are not 'KEY [OWNER]'.";
        return entries;
    }

    /// <summary><c>key-</c> and 8 hex digits of the key's SHA-256: safe to log, stable across restarts.</summary>
    public static string DefaultOwner(string key) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
}
