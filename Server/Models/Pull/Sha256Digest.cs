namespace LocalOpenAi.Server.Models.Pull;

/// <summary>Recognises a SHA-256 in the Hub's fields and headers (64 hex digits, perhaps quoted or weak).</summary>
internal static class Sha256Digest
{
    /// <summary>The lowercase hex digest, or null when <paramref name="value"/> is not one (an MD5 ETag, a git blob id).</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        trimmed = trimmed.Trim('"');
        return trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit) ? trimmed.ToLowerInvariant() : null;
    }
}
