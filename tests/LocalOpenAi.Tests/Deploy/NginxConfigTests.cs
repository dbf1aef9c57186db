using System.Text.RegularExpressions;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>deploy/nginx.conf: round-robin over both replicas, SSE passed through unbuffered.</summary>
public sealed partial class NginxConfigTests
{
    private readonly string _config = DeployFiles.Read("deploy/nginx.conf");

    private IEnumerable<string> Directives => _config.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'));

    [Fact]
    public void Upstream_lists_both_replicas_hashed_by_agent_for_prefix_affinity()
    {
        var upstream = UpstreamBlock().Match(_config);

        Assert.True(upstream.Success, "no upstream localopenai { ... } block");
        var body = upstream.Groups["body"].Value;
        Assert.Contains("server replica-1:8080", body, StringComparison.Ordinal);
        Assert.Contains("server replica-2:8080", body, StringComparison.Ordinal);
        var active = body.Split('\n').Select(line => line.Trim()).Where(line => !line.StartsWith('#')).ToList();
        Assert.Contains("hash $prefix_affinity consistent;", active);
        Assert.Contains(Directives, line => line == "proxy_pass http://localopenai;");
    }

    [Fact]
    public void The_affinity_key_is_the_agent_name_and_requests_without_one_spread_by_request_id()
    {
        Assert.Contains("map $http_x_agent_name $prefix_affinity {", Directives);
        Assert.Contains("\"\"      $request_id;", Directives);
        Assert.Contains("default $http_x_agent_name;", Directives);
    }

    [Theory]
    [InlineData("proxy_buffering off;")]
    [InlineData("proxy_http_version 1.1;")]
    [InlineData("proxy_set_header Connection \"\";")]
    [InlineData("listen 8080;")]
    public void Passes_streams_through(string directive) => Assert.Contains(directive, Directives);

    [Fact]
    public void Keeps_long_generations_open()
    {
        var timeout = Directives.Single(line => line.StartsWith("proxy_read_timeout ", StringComparison.Ordinal));

        Assert.True(int.Parse(timeout["proxy_read_timeout ".Length..].TrimEnd(';', 's'), System.Globalization.CultureInfo.InvariantCulture) >= 300, timeout);
    }

    [Fact]
    public void Passes_nginx_configtest_when_nginx_is_installed()
    {
        if (!ExternalTool.IsInstalled("nginx"))
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("localopenai-nginx-");
        try
        {
            // The compose service names resolve only inside compose; nginx -t resolves upstream hosts.
            var local = _config.Replace("replica-1:8080", "127.0.0.1:18081", StringComparison.Ordinal)
                .Replace("replica-2:8080", "127.0.0.1:18082", StringComparison.Ordinal);
            var path = Path.Combine(folder.FullName, "nginx.conf");
            File.WriteAllText(path, local);

            var run = ExternalTool.Run("nginx", "-t", "-q", "-c", path, "-p", folder.FullName, "-e", Path.Combine(folder.FullName, "error.log"));

            Assert.True(run.ExitCode == 0, run.Everything);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"upstream\s+localopenai\s*\{(?<body>[^}]*)\}")]
    private static partial Regex UpstreamBlock();
}
