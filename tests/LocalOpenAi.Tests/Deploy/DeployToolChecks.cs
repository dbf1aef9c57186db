using System.Text.Json;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>Real linters and parsers, each run only where it is installed (none of them is a NuGet package).</summary>
public sealed class DeployToolChecks
{
    [Theory]
    [InlineData("Dockerfile.cpu")]
    [InlineData("Dockerfile.gpu")]
    public void Hadolint_finds_nothing_when_installed(string path)
    {
        if (!ExternalTool.IsInstalled("hadolint"))
        {
            return;
        }

        var run = ExternalTool.Run("hadolint", path);

        Assert.True(run.ExitCode == 0, run.Everything);
    }

    [Fact]
    public void Gpu_smoke_script_is_valid_bash()
    {
        var run = ExternalTool.Run("bash", "-n", "deploy/gpu-smoke.sh");

        Assert.True(run.ExitCode == 0, run.Everything);
        var script = DeployFiles.Read("deploy/gpu-smoke.sh");
        Assert.Contains("VARIANT=${VARIANT:-linux-x64-cuda}", script, StringComparison.Ordinal);
        Assert.Contains("--gpu-layers \"$GPU_LAYERS\"", script, StringComparison.Ordinal);
        Assert.Contains("\"ignore_eos\":true", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_file_loads_with_PyYAML_when_available()
    {
        if (!ExternalTool.IsInstalled("python3"))
        {
            return;
        }

        var run = ExternalTool.Run("python3", "-c",
            "import json, sys\ntry:\n    import yaml\nexcept ImportError:\n    sys.exit(3)\nprint(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
            "deploy/docker-compose.yml");
        if (run.ExitCode == 3)
        {
            return;
        }

        Assert.True(run.ExitCode == 0, run.Everything);
        using var compose = JsonDocument.Parse(run.Output);
        var services = compose.RootElement.GetProperty("services");
        foreach (var name in new[] { "replica-1", "replica-2" })
        {
            var replica = services.GetProperty(name);
            Assert.Equal("Dockerfile.cpu", replica.GetProperty("build").GetProperty("dockerfile").GetString());
            var command = replica.GetProperty("command").EnumerateArray().Select(part => part.GetString()).ToList();
            Assert.Equal("redis:6379", command[command.IndexOf("--redis") + 1]);
            Assert.Equal("service_healthy", replica.GetProperty("depends_on").GetProperty("redis").GetProperty("condition").GetString());
        }

        foreach (var name in new[] { "nginx", "prometheus", "redis", "model-init" })
        {
            Assert.True(services.TryGetProperty(name, out _), $"no service {name}");
        }

        Assert.True(compose.RootElement.GetProperty("volumes").TryGetProperty("models", out _));
    }
}
