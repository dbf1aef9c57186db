namespace LocalOpenAi.Server.Security;

/// <summary>Sorts request paths into <see cref="EndpointAccess"/> levels (case-insensitive, as routing is).</summary>
internal static class SecurityPaths
{
    private static readonly PathString Admin = "/admin";

    public static EndpointAccess Classify(PathString path, bool metricsRequireKey)
    {
        if (IsExactly(path, "/health") || IsExactly(path, "/ready") || (!metricsRequireKey && IsExactly(path, "/metrics")))
        {
            return EndpointAccess.Public;
        }

        return path.StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase) ? EndpointAccess.Admin : EndpointAccess.Client;
    }

    /// <summary>Paths the rate limiter leaves alone: probes and the scrape endpoint.</summary>
    public static bool IsOperational(PathString path) =>
        IsExactly(path, "/health") || IsExactly(path, "/ready") || IsExactly(path, "/metrics");

    private static bool IsExactly(PathString path, string expected)
    {
        var value = path.Value ?? "";
        return value.TrimEnd('/').Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
