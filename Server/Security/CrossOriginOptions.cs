using LocalOpenAi.Server.Configuration;

namespace LocalOpenAi.Server.Security;

/// <summary>Browser cross-origin access (section <c>Cors</c>); no origins means no CORS headers at all.</summary>
internal sealed class CrossOriginOptions : ISelfValidatingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Cors";

    /// <summary>Origins such as <c>https://app.example.com</c>, or <c>*</c> for any.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long browsers may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Response headers a browser script may read.</summary>
    internal static string[] ExposedHeaders { get; } =
    [
        "X-Request-Id", "X-Route", "X-Route-Reason", "X-Cache", "X-Model", "Retry-After",
        "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
        "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens",
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (origin, index) in AllowedOrigins.Select((origin, index) => (origin, index)))
        {
            var valid = origin == "*" || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !origin.EndsWith('/') && string.IsNullOrEmpty(uri.Query));
            if (!valid)
            {
                errors.Add($"Cors:AllowedOrigins:{index} '{origin}' must be '*' or scheme://host[:port] with no path.");
            }
        }

        if (PreflightMaxAge < TimeSpan.Zero)
        {
            errors.Add("Cors:PreflightMaxAge must not be negative.");
        }

        return errors;
    }
}
