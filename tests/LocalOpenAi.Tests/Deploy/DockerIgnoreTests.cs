namespace LocalOpenAi.Tests.Deploy;

/// <summary>The build context holds sources and project files, not build outputs, tests or models.</summary>
public sealed class DockerIgnoreTests
{
    private readonly DockerIgnore _ignore = DockerIgnore.Load();

    [Theory]
    [InlineData(".git/HEAD")]
    [InlineData("Server/bin/Release/net10.0/LocalOpenAi.Server.dll")]
    [InlineData("Engine/obj/project.assets.json")]
    [InlineData("tests/LocalOpenAi.Tests/LocalOpenAi.Tests.csproj")]
    [InlineData("benchmarks/LocalOpenAi.Benchmarks/Program.cs")]
    [InlineData("model.gguf")]
    [InlineData("Formats/fixtures/tiny.gguf")]
    [InlineData("deploy/docker-compose.yml")]
    public void Leaves_out(string path) => Assert.True(_ignore.Excludes(path), $"{path} would be sent to the build");

    [Theory]
    [InlineData("Server/Program.cs")]
    [InlineData("Engine/Native/LlamaNative.cs")]
    [InlineData("Formats/Gguf/GgufWriter.cs")]
    [InlineData(".editorconfig")]
    public void Keeps(string path) => Assert.False(_ignore.Excludes(path), $"{path} would be missing from the build");

    [Fact]
    public void Keeps_every_file_the_restore_layer_copies()
    {
        var excluded = DockerfileRestoreLayerTests.RequiredForRestore().Where(_ignore.Excludes).ToList();

        Assert.True(excluded.Count == 0, $".dockerignore leaves out {string.Join(", ", excluded)}");
    }
}
