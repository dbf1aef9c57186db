namespace LocalOpenAi.Tests.Deploy;

/// <summary>Finds the repository's deployment files from the test's output folder.</summary>
internal static class DeployFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding <c>LocalOpenAi.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LocalOpenAi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LocalOpenAi.sln above {AppContext.BaseDirectory}.");
    }
}
