namespace LocalOpenAi.Tests.Support;

/// <summary>A file a test writes for a tool to read, deleted when disposed.</summary>
public sealed class ScratchFile : IDisposable
{
    private ScratchFile(string path) => Path = path;

    public string Path { get; }

    public static ScratchFile Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return new ScratchFile(path);
    }

    /// <summary>A new file in the temporary folder, named <paramref name="prefix"/>, a unique part and <paramref name="extension"/>.</summary>
    public static ScratchFile InTemp(string prefix, string extension, string text) =>
        Write(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}{extension}"), text);

    public void Dispose() => File.Delete(Path);
}
