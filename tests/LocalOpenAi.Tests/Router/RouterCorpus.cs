using System.Runtime.CompilerServices;
using LocalOpenAi.Router.Training;

namespace LocalOpenAi.Tests.Router;

/// <summary>The labelled corpus in <c>Router/Corpus</c>, read once.</summary>
internal static class RouterCorpus
{
    private static readonly Lazy<LabelledCorpus> Corpus = new(() => LabelledCorpus.Read(Folder));

    public static string Folder => FolderOf();

    public static LabelledCorpus Splits => Corpus.Value;

    private static string FolderOf([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "Router", "Corpus"));
}
