namespace LocalOpenAi.Tests.Deploy;

/// <summary>The test-side Dockerfile reader that the other deploy tests rely on.</summary>
public sealed class DockerfileParserTests
{
    private const string Sample = """
        # syntax=docker/dockerfile:1
        ARG BASE=debian:12
        ARG VARIANT="x64"

        FROM ${BASE} AS build
        RUN apt-get update \
            # a comment inside a continuation is dropped
            && apt-get install -y make \

            && rm -rf /var/lib/apt/lists/*
        FROM $BASE
        COPY --from=build --chown=1:1 /out ./
        HEALTHCHECK --interval=5s CMD curl -f http://localhost/health || exit 1
        ENTRYPOINT ["app", "--flag"]
        """;

    [Fact]
    public void Joins_continuations_and_drops_comments()
    {
        var dockerfile = Dockerfile.Parse(Sample);

        var run = Assert.Single(dockerfile.Instructions, instruction => instruction.Keyword == "RUN");
        Assert.Equal("apt-get update && apt-get install -y make && rm -rf /var/lib/apt/lists/*", run.Body);
        Assert.Equal(6, run.Line);
        Assert.Equal(8, dockerfile.Instructions.Count);
    }

    [Fact]
    public void Splits_stages_and_substitutes_global_args()
    {
        var dockerfile = Dockerfile.Parse(Sample);

        Assert.Equal("x64", dockerfile.GlobalArgs["VARIANT"]);
        Assert.Collection(
            dockerfile.Stages,
            build => Assert.Equal(("debian:12", "build", 1), (build.BaseImage, build.Name, build.Instructions.Count)),
            runtime => Assert.Equal(("debian:12", null, 3), (runtime.BaseImage, runtime.Name, runtime.Instructions.Count)));
    }

    [Fact]
    public void Reads_flags_and_exec_form()
    {
        var runtime = Dockerfile.Parse(Sample).FinalStage;

        var copy = Assert.Single(runtime.All("COPY"));
        Assert.Equal("build", copy.Flags["from"]);
        Assert.Equal("1:1", copy.Flags["chown"]);
        Assert.Equal("/out ./", copy.Body);
        Assert.StartsWith("CMD curl", Assert.Single(runtime.All("HEALTHCHECK")).Body, StringComparison.Ordinal);
        Assert.Equal(["app", "--flag"], Assert.Single(runtime.All("ENTRYPOINT")).ExecArguments);
    }

    [Fact]
    public void Rejects_a_file_that_ends_inside_a_continuation() =>
        Assert.Throws<FormatException>(() => Dockerfile.Parse("FROM a\nRUN echo \\\n"));
}
