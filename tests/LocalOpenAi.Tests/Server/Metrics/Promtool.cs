namespace LocalOpenAi.Tests.Server.Metrics;

/// <summary><c>promtool check metrics</c>, the Prometheus project's own linter of the text format.</summary>
internal static class Promtool
{
    public static Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition) =>
        PrometheusTools.RunAsync("promtool", "check metrics", exposition, TimeSpan.FromSeconds(30));
}
