using System.Xml.Linq;

namespace LocalOpenAi.Tests.Deploy;

/// <summary>
/// The build stage restores from the project files alone, so it must copy every project the server
/// references (and every file they import) before <c>dotnet restore</c>: a project added later and
/// forgotten there breaks the image build.
/// </summary>
public sealed class DockerfileRestoreLayerTests
{
    private static readonly string[] RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    [Theory]
    [MemberData(nameof(DockerfileTests.Dockerfiles), MemberType = typeof(DockerfileTests))]
    public void Copies_every_referenced_project_file_before_restoring(string path)
    {
        var build = Dockerfile.Load(path).Stages.Single(stage => stage.Name == "build");
        var restore = build.All("RUN").First(run => run.Body.Contains("dotnet restore", StringComparison.Ordinal));
        var copied = build.All("COPY")
            .Where(copy => copy.Line < restore.Line && !copy.Flags.ContainsKey("from"))
            .SelectMany(CopiedFiles)
            .ToHashSet(StringComparer.Ordinal);

        var missing = RequiredForRestore().Where(file => !copied.Contains(file)).ToList();

        Assert.True(missing.Count == 0, $"{path} does not copy {string.Join(", ", missing)} before dotnet restore");
        Assert.Contains("Server/LocalOpenAi.Server.csproj", restore.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DockerfileTests.Dockerfiles), MemberType = typeof(DockerfileTests))]
    public void Copies_the_sources_after_the_restore_and_publishes_without_restoring_again(string path)
    {
        var build = Dockerfile.Load(path).Stages.Single(stage => stage.Name == "build");
        var restore = build.All("RUN").First(run => run.Body.Contains("dotnet restore", StringComparison.Ordinal));
        var publish = build.All("RUN").Single(run => run.Body.Contains("dotnet publish", StringComparison.Ordinal));
        var sources = Assert.Single(build.All("COPY"), copy => copy.Body == ". .");

        Assert.True(restore.Line < sources.Line && sources.Line < publish.Line, "restore, then COPY . ., then publish");
        Assert.Contains("--no-restore", publish.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_required_set_covers_the_engine_and_its_native_targets()
    {
        var required = RequiredForRestore();

        Assert.Contains("Server/LocalOpenAi.Server.csproj", required);
        Assert.Contains("Engine/LocalOpenAi.Engine.csproj", required);
        Assert.Contains("Formats/LocalOpenAi.Formats.csproj", required);
        Assert.Contains("Engine/Native/NativeLibraries.targets", required);
    }

    /// <summary>The server's project file, every project it references transitively, their imports and the root props.</summary>
    internal static IReadOnlyCollection<string> RequiredForRestore()
    {
        var required = new SortedSet<string>(RootFiles, StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(DeployFiles.RepositoryRoot, "Server", "LocalOpenAi.Server.csproj")]);
        while (pending.Count > 0)
        {
            var project = Path.GetFullPath(pending.Pop());
            if (!required.Add(Relative(project)))
            {
                continue;
            }

            var document = XDocument.Load(project);
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                pending.Push(Path.Combine(folder, Normalize(reference.Attribute("Include")!.Value)));
            }

            foreach (var import in document.Descendants("Import").Select(element => element.Attribute("Project")?.Value).OfType<string>())
            {
                if (!import.Contains('$', StringComparison.Ordinal))
                {
                    required.Add(Relative(Path.GetFullPath(Path.Combine(folder, Normalize(import)))));
                }
            }
        }

        return required;
    }

    private static IEnumerable<string> CopiedFiles(DockerInstruction copy)
    {
        var words = copy.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var destination = words[^1];
        foreach (var source in words[..^1])
        {
            // A file copied into a folder keeps its name; the tests compare context paths, so the
            // destination only has to keep the source's relative place.
            var expected = destination.EndsWith('/') ? destination + Path.GetFileName(source) : destination;
            Assert.True(expected == source || expected == "./" + source, $"line {copy.Line}: {source} lands at {expected}, not at its own path");
            yield return source;
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string Relative(string fullPath) =>
        Path.GetRelativePath(DeployFiles.RepositoryRoot, fullPath).Replace('\\', '/');
}
