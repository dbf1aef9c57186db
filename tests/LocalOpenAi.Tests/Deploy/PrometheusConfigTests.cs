using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>deploy/prometheus.yml scrapes each replica's /metrics directly.</summary>
public sealed partial class PrometheusConfigTests
{
    private readonly string _config = DeployFiles.Read("deploy/prometheus.yml");

    [Fact]
    public void Scrapes_both_replicas_metrics_endpoints()
    {
        var targets = TargetList().Matches(_config)
            .SelectMany(match => match.Groups["list"].Value.Split(','))
            .Select(target => target.Trim().Trim('"', '\''))
            .ToList();

        Assert.Contains("replica-1:8080", targets);
        Assert.Contains("replica-2:8080", targets);
        Assert.Contains("metrics_path: /metrics", _config, StringComparison.Ordinal);
        Assert.DoesNotContain(targets, target => target.StartsWith("nginx", StringComparison.Ordinal));
    }

    [Fact]
    public void Passes_promtool_when_prometheus_is_installed()
    {
        if (!ExternalTool.IsInstalled("promtool"))
        {
            return;
        }

        var run = ExternalTool.Run("promtool", "check", "config", "deploy/prometheus.yml");

        Assert.True(run.ExitCode == 0, run.Everything);
    }

    [GeneratedRegex(@"targets:\s*\[(?<list>[^\]]*)\]")]
    private static partial Regex TargetList();
}
