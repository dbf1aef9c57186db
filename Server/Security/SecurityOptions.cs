using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Security;

/// <summary>API keys (section <c>Security</c>). With no key configured the server is open.</summary>
/// <remarks>
/// A key entry is <c>KEY</c> or <c>KEY OWNER</c>: the owner (tenant) names the caller in logs, rate
/// limits and cache keys; without one it is <c>key-</c> and the first 8 hex digits of the key's SHA-256.
/// The admin key also works on every client endpoint. Keys are never logged.
/// </remarks>
internal sealed class SecurityOptions : ISelfValidatingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Security";

    /// <summary>Client keys, <c>KEY</c> or <c>KEY OWNER</c> each (<c>--api-key</c>, repeatable).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>A file of client keys: one <c>KEY [OWNER]</c> a line, <c>#</c> starts a comment.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>The key for <c>/admin/...</c> endpoints; without one, admin endpoints refuse every key while other keys are configured.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Whether <c>/metrics</c> needs a key too (any valid key).</summary>
    public bool MetricsRequireKey { get; set; }

    /// <summary>Also accept the key in an <c>x-api-key</c> header (Anthropic style), besides <c>Authorization: Bearer</c>.</summary>
    public bool AcceptXApiKeyHeader { get; set; } = true;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var entries = new List<ApiKeyEntry>();
        foreach (var (text, index) in ApiKeys.Select((text, index) => (text, index)))
        {
            if (ApiKeyFileFormat.ParseLine(text) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add($"Security:ApiKeys:{index} is empty or not 'KEY [OWNER]'.");
            }
        }

        if (!string.IsNullOrWhiteSpace(ApiKeyFile))
        {
            var fromFile = ApiKeyFileFormat.TryReadFile(ApiKeyFile, out var fileError);
            if (fileError is not null)
            {
                errors.Add($"Security:ApiKeyFile: {fileError}");
            }

            entries.AddRange(fromFile);
        }

        if (AdminKey is not null && (AdminKey.Length == 0 || AdminKey.Any(char.IsWhiteSpace)))
        {
            errors.Add("Security:AdminKey must be non-empty and contain no whitespace.");
        }

        if (entries.GroupBy(entry => entry.Key, StringComparer.Ordinal).Any(group => group.Count() > 1))
        {
            errors.Add("Security: the same client key is configured twice.");
        }

        if (AdminKey is not null && entries.Any(entry => entry.Key == AdminKey))
        {
            errors.Add("Security:AdminKey must differ from every client key.");
        }

        return errors;
    }
}
