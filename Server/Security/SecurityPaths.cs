namespace LocalOpenAi.Server.Security;

/// <summary>Sorts request paths into <see cref="EndpointAccess"/> levels (case-insensitive, as routing is).</summary>
internal static class SecurityPaths
{
    private static readonly PathString Admin = "/admin";

    public static EndpointAccess Classify(PathString path, bool metricsRequireKey)
    {
        if (IsExactly(path, "/health") || IsExactly(path, "/ready") || (!metricsRequireKey && IsExactly(path, "/metrics")) || IsDashboardFile(path))
        {
            return EndpointAccess.Public;
        }

        return path.StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase) ? EndpointAccess.Admin : EndpointAccess.Client;
    }

    /// <summary>Paths the rate limiter leaves alone: probes and the scrape endpoint.</summary>
    public static bool IsOperational(PathString path) =>
        IsExactly(path, "/health") || IsExactly(path, "/ready") || IsExactly(path, "/metrics");

    /// <summary>
    /// The dashboard's static page and scripts (<c>/</c>, <c>/index.html</c>, <c>/api.js</c>…): they hold no data, and the
    /// page asks for the key itself and sends it with every call it makes.
    /// </summary>
    private static bool IsDashboardFile(PathString path)
    {
        var value = path.Value ?? "";
        return value is "" or "/"
            || (value.LastIndexOf('/') == 0 && System.IO.Path.GetExtension(value) is ".html" or ".js" or ".css" or ".svg" or ".ico");
    }

    private static bool IsExactly(PathString path, string expected)
    {
        var value = path.Value ?? "";
        return value.TrimEnd('/').Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
