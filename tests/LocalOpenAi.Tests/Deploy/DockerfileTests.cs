namespace LocalOpenAi.Tests.Deploy;

/// <summary>What both images must get right: stages, non-root user, health check, port, no remote ADD.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => new() { "Dockerfile.cpu", "Dockerfile.gpu" };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Is_multi_stage_with_a_named_sdk_build_stage(string path)
    {
        var dockerfile = Dockerfile.Load(path);

        Assert.True(dockerfile.Stages.Count >= 2, $"{path} has {dockerfile.Stages.Count} stage(s)");
        var build = Assert.Single(dockerfile.Stages, stage => stage.Name == "build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.BaseImage, StringComparison.Ordinal);
        Assert.Contains(build.All("RUN"), run => run.Body.Contains("dotnet publish", StringComparison.Ordinal)
            && run.Body.Contains("Server/LocalOpenAi.Server.csproj", StringComparison.Ordinal)
            && run.Body.Contains("-o /app", StringComparison.Ordinal));
        Assert.Contains(build.All("RUN"), run => run.Body.Contains("npm", StringComparison.Ordinal) && run.Body.Contains("apt-get install", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Runtime_stage_copies_the_published_app_from_the_build_stage(string path)
    {
        var runtime = Dockerfile.Load(path).FinalStage;

        Assert.NotEqual("build", runtime.Name);
        Assert.Contains(runtime.All("COPY"), copy => copy.Flags.TryGetValue("from", out var from) && from == "build"
            && copy.Body.StartsWith("/app ", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.All("RUN"), run => run.Body.Contains("dotnet publish", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Runtime_runs_as_a_fixed_non_root_user_set_before_the_entrypoint(string path)
    {
        var runtime = Dockerfile.Load(path).FinalStage;
        var entrypoint = Assert.Single(runtime.All("ENTRYPOINT"));
        var users = runtime.All("USER").Where(user => user.Line < entrypoint.Line).ToList();

        Assert.NotEmpty(users);
        var user = users[^1].Body.Split(':')[0];
        Assert.True(int.TryParse(user, out var uid), $"USER {user} should be a numeric UID (Kubernetes runAsNonRoot checks it)");
        Assert.NotEqual(0, uid);
        Assert.DoesNotContain(runtime.All("USER"), later => later.Line > entrypoint.Line);
        Assert.Contains(runtime.All("RUN"), run => run.Body.Contains($"chown -R {uid}:{uid} /home/app", StringComparison.Ordinal)
            && run.Body.Contains("/home/app/.cache/localopenai/models", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Healthcheck_probes_the_liveness_endpoint(string path)
    {
        var runtime = Dockerfile.Load(path).FinalStage;
        var healthcheck = Assert.Single(runtime.All("HEALTHCHECK"));

        Assert.StartsWith("CMD ", healthcheck.Body, StringComparison.Ordinal);
        Assert.Contains("curl -fsS", healthcheck.Body, StringComparison.Ordinal);
        Assert.Contains("/health\"", healthcheck.Body, StringComparison.Ordinal);
        Assert.Contains(runtime.All("RUN"), run => run.Body.Contains("apt-get install", StringComparison.Ordinal) && run.Body.Contains(" curl", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Serves_on_port_8080_on_all_interfaces(string path)
    {
        var runtime = Dockerfile.Load(path).FinalStage;

        Assert.Contains(runtime.All("EXPOSE"), expose => expose.Body.Split(' ').Contains("8080"));
        var environment = EnvironmentOf(runtime);
        Assert.Equal("0.0.0.0", environment["LOCALOPENAI__SERVER__HOST"]);
        Assert.Equal("8080", environment["LOCALOPENAI__SERVER__PORT"]);
        Assert.Equal("/home/app", environment["HOME"]);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Starts_the_server_with_a_default_model_and_a_model_cache_volume(string path)
    {
        var runtime = Dockerfile.Load(path).FinalStage;

        Assert.Equal(["dotnet", "LocalOpenAi.Server.dll"], Assert.Single(runtime.All("ENTRYPOINT")).ExecArguments);
        var command = Assert.Single(runtime.All("CMD")).ExecArguments;
        Assert.Equal("--model", command[0]);
        Assert.Contains(runtime.All("VOLUME"), volume => volume.ExecArguments.Contains("/home/app/.cache/localopenai"));
        Assert.Contains(runtime.All("LABEL"), label => label.Body.Contains("org.opencontainers.image.title", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Adds_nothing_remote_and_leaves_no_apt_lists_behind(string path)
    {
        var dockerfile = Dockerfile.Load(path);

        Assert.DoesNotContain(dockerfile.Instructions, instruction => instruction.Keyword == "ADD");
        foreach (var run in dockerfile.Instructions.Where(instruction => instruction.Keyword == "RUN" && instruction.Body.Contains("apt-get install", StringComparison.Ordinal)))
        {
            Assert.True(run.Body.Contains("apt-get update", StringComparison.Ordinal), $"line {run.Line}: apt-get install without apt-get update in the same layer");
            Assert.True(run.Body.Contains("--no-install-recommends", StringComparison.Ordinal), $"line {run.Line}: apt-get install without --no-install-recommends");
            Assert.True(run.Body.Contains("-y", StringComparison.Ordinal), $"line {run.Line}: apt-get install without -y");
            Assert.True(run.Body.Contains("rm -rf /var/lib/apt/lists/*", StringComparison.Ordinal), $"line {run.Line}: apt lists are not removed");
        }

        Assert.DoesNotContain(dockerfile.Instructions, instruction => instruction.Keyword == "RUN"
            && (instruction.Body.Contains("curl http", StringComparison.Ordinal) || instruction.Body.Contains("wget http", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Base_images_are_tagged(string path)
    {
        foreach (var stage in Dockerfile.Load(path).Stages)
        {
            Assert.DoesNotContain('$', stage.BaseImage);
            Assert.Matches(@"^[a-z0-9./-]+:[A-Za-z0-9._-]+$", stage.BaseImage);
            Assert.False(stage.BaseImage.EndsWith(":latest", StringComparison.Ordinal), $"{stage.BaseImage} floats");
        }
    }

    internal static Dictionary<string, string> EnvironmentOf(DockerStage stage)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in stage.All("ENV"))
        {
            foreach (var pair in env.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                environment[parts[0]] = parts.Length > 1 ? parts[1].Trim('"') : string.Empty;
            }
        }

        return environment;
    }
}
