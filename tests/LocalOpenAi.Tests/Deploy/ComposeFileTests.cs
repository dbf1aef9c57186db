namespace LocalOpenAi.Tests.Deploy;

/// <summary>deploy/docker-compose.yml: two replicas behind nginx, one Redis, one Prometheus, health-gated start.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Replicas = ["replica-1", "replica-2"];
    private readonly YamlOutline _services = YamlOutline.Parse(DeployFiles.Read("deploy/docker-compose.yml"))["services"];

    [Fact]
    public void Has_two_replicas_nginx_redis_and_prometheus()
    {
        foreach (var service in Replicas.Append("nginx").Append("redis").Append("prometheus"))
        {
            Assert.True(_services.Children.ContainsKey(service), $"no service {service}");
        }
    }

    [Theory]
    [InlineData("replica-1")]
    [InlineData("replica-2")]
    public void Replica_builds_the_CPU_image_and_shares_Redis(string name)
    {
        var replica = _services[name];

        Assert.Equal("..", replica["build"]["context"].Value);
        Assert.Equal("Dockerfile.cpu", replica["build"]["dockerfile"].Value);
        Assert.Contains("\"--redis\", \"redis:6379\"", replica["command"].Value, StringComparison.Ordinal);
        Assert.Equal("redis", replica["environment"]["LOCALOPENAI__CACHE__STORE"].Value);
        Assert.Equal("redis:6379", replica["environment"]["LOCALOPENAI__CACHE__REDIS"].Value);
        Assert.Equal("redis", replica["environment"]["LOCALOPENAI__RATELIMITS__STORE"].Value);
        Assert.Equal("service_healthy", replica["depends_on"]["redis"]["condition"].Value);
        Assert.Contains("models:/home/app/.cache/localopenai", replica["volumes"].Items);
    }

    [Theory]
    [InlineData("replica-1")]
    [InlineData("replica-2")]
    public void Replica_is_healthy_once_ready_and_has_time_to_drain_on_stop(string name)
    {
        var replica = _services[name];

        Assert.Contains("http://127.0.0.1:8080/ready", replica["healthcheck"]["test"].Value, StringComparison.Ordinal);
        Assert.Equal("45s", replica["stop_grace_period"].Value);
        Assert.Equal("service_completed_successfully", replica["depends_on"]["model-init"]["condition"].Value);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("prometheus")]
    public void Waits_for_both_replicas_to_be_healthy(string name)
    {
        var service = _services[name];

        foreach (var replica in Replicas)
        {
            Assert.Equal("service_healthy", service["depends_on"][replica]["condition"].Value);
        }

        Assert.True(service.Children.ContainsKey("healthcheck"), $"{name} has no healthcheck");
    }

    [Fact]
    public void Mounts_the_nginx_and_prometheus_configuration()
    {
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", _services["nginx"]["volumes"].Items);
        Assert.Contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro", _services["prometheus"]["volumes"].Items);
        Assert.Contains("redis-cli", _services["redis"]["healthcheck"]["test"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Outline_resolves_anchors_and_merge_keys()
    {
        var outline = YamlOutline.Parse("""
            x-base: &base
              image: app
              environment: &env
                A: "1"
            services:
              one:
                <<: *base
                image: other
                command:
                  - |
                    echo: not a key
                  - two
            """);

        var one = outline["services"]["one"];
        Assert.Equal("other", one["image"].Value);
        Assert.Equal("\"1\"", one["environment"]["A"].Value);
        Assert.Equal(["|", "two"], one["command"].Items);
        Assert.Throws<FormatException>(() => YamlOutline.Parse("a:\n\tb: 1"));
    }
}
