namespace LocalOpenAi.Server.Models.Loading;

/// <summary>When an adapter file was last written and how long it is: a change means a new adapter to load.</summary>
internal readonly record struct AdapterStamp(DateTime LastWriteUtc, long Length)
{
    public static AdapterStamp? Read(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new AdapterStamp(file.LastWriteTimeUtc, file.Length) : null;
    }
}
